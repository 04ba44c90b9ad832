namespace GovAssistant.ChatHub.Audit;

/// <summary>One administrative action: who did what to which thing, when.</summary>
/// <param name="Id">Sequence number, increasing.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Staff account id.</param>
/// <param name="Action">What was done, e.g. <c>entry.publish</c>, <c>agent.create</c>, <c>transcript.reveal</c>.</param>
/// <param name="Target">What it was done to (entry id, account id, conversation id).</param>
/// <param name="Detail">Free text or JSON with the particulars; never a secret, never unmasked personal data.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail);

/// <summary>Which audit entries to list.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Target = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, int Max = 500);
