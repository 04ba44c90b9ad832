using System.Globalization;

namespace GovAssistant.KnowledgeBase;

/// <summary>A <c>drafts</c> row as Dapper reads it.</summary>
internal sealed class DraftRow
{
    /// <summary>The select list that fills a <see cref="DraftRow"/> in the dialect of <paramref name="sql"/>.</summary>
    public static string ColumnsFor(BankSql sql) =>
        $"number AS Number, base_entry_id AS BaseEntryId, base_version AS BaseVersion, {sql.JsonColumn("proposed_json")} AS ProposedJson, " +
        $"origin AS Origin, note AS Note, status AS Status, batch_id AS BatchId, created_by AS CreatedBy, {sql.TimeColumn("created_at")} AS CreatedAt, " +
        $"updated_by AS UpdatedBy, {sql.TimeColumn("updated_at")} AS UpdatedAt, reviewed_by AS ReviewedBy, {sql.TimeColumn("reviewed_at")} AS ReviewedAt, " +
        "reject_reason AS RejectReason, published_version AS PublishedVersion";

    public long Number { get; set; }
    public string? BaseEntryId { get; set; }
    public long? BaseVersion { get; set; }
    public string ProposedJson { get; set; } = "";
    public string Origin { get; set; } = "";
    public string? Note { get; set; }
    public string Status { get; set; } = "";
    public string? BatchId { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public string UpdatedAt { get; set; } = "";
    public string? ReviewedBy { get; set; }
    public string? ReviewedAt { get; set; }
    public string? RejectReason { get; set; }
    public long? PublishedVersion { get; set; }

    public EntryDraft ToDraft() => new()
    {
        Id = DraftRules.IdPrefix + Number.ToString(CultureInfo.InvariantCulture),
        BaseEntryId = BaseEntryId,
        BaseVersion = BaseVersion is { } v ? (int)v : null,
        Proposed = FaqJson.Deserialize(ProposedJson),
        Origin = Enum.Parse<DraftOrigin>(Origin, ignoreCase: true),
        Note = Note,
        Status = Enum.Parse<DraftStatus>(Status, ignoreCase: true),
        BatchId = BatchId,
        CreatedBy = CreatedBy,
        CreatedAt = Time(CreatedAt),
        UpdatedBy = UpdatedBy,
        UpdatedAt = Time(UpdatedAt),
        ReviewedBy = ReviewedBy,
        ReviewedAt = ReviewedAt is null ? null : Time(ReviewedAt),
        RejectReason = RejectReason,
        PublishedVersion = PublishedVersion is { } p ? (int)p : null,
    };

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
