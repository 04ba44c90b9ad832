namespace GovAssistant.ChatHub.Admin;

/// <summary>
/// Settings of the bank administration, bound from the <c>BankAdmin</c> section:
/// <code>"BankAdmin": { "ExpiryWindowDays": 30, "MaxUploadBytes": 5242880, "CheckConsistencyAfterPublish": true, "RequireSecondReviewer": true }</code>
/// </summary>
public sealed class BankAdminOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "BankAdmin";

    /// <summary>Entries expiring within this many days appear in the needs-review list.</summary>
    public int ExpiryWindowDays { get; set; } = 30;

    /// <summary>Largest bank file accepted by the upload (bytes).</summary>
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Four-eyes review: whoever wrote or last edited a draft cannot publish it, admins included; another reviewer must.
    /// </summary>
    public bool RequireSecondReviewer { get; set; } = true;

    /// <summary>Run the consistency checker in the background after every publish.</summary>
    public bool CheckConsistencyAfterPublish { get; set; } = true;
}
