using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Admin;

/// <summary>An entry as the admin API shows it (status lowercase, dates yyyy-MM-dd).</summary>
internal sealed record EntryView(string Id, string Question, IReadOnlyList<string> SimilarQuestions, string Answer, string? Category,
    string? Department, string? Region, IReadOnlyList<string> Tags, string? Source, string? Basis, string? ValidFrom, string? ValidTo,
    string Status, int Version, DateTimeOffset? UpdatedAt)
{
    public static EntryView Of(FaqEntry e) => new(e.Id, e.Question, e.SimilarQuestions, e.Answer, e.Category, e.Department, e.Region, e.Tags,
        e.Source, e.Basis, Day(e.ValidFrom), Day(e.ValidTo), e.Status.ToString().ToLowerInvariant(), e.Version, e.UpdatedAt);

    internal static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A draft as the admin API shows it; <see cref="Diff"/> compares it with the entry's current version.</summary>
internal sealed record DraftView(string Id, string? BaseEntryId, int? BaseVersion, string? EntryId, string Status, string Origin, string? Note,
    string? BatchId, string? Department, bool Complete, IReadOnlyList<string> Missing, bool Stale, bool CanReview, string? ReviewRefusal,
    string CreatedBy, DateTimeOffset CreatedAt, string? UpdatedBy, DateTimeOffset UpdatedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt,
    string? RejectReason, int? PublishedVersion, EntryView Proposed, EntryDiff? Diff)
{
    public static DraftView Of(EntryDraft d, FaqEntry? current, Agents.AgentProfile viewer, bool withDiff, bool requireSecondReviewer)
    {
        var owners = new[] { current?.Department, d.Proposed.Department };
        var refusal = BankAccess.RefusalFor(viewer, d.BaseEntryId is null ? [d.Proposed.Department] : owners)
            ?? BankAccess.SelfReviewRefusal(viewer, d, requireSecondReviewer);
        return new(d.Id, d.BaseEntryId, d.BaseVersion, d.Proposed.Id.Length > 0 ? d.Proposed.Id : null, DraftNames.Of(d.Status),
            DraftNames.Of(d.Origin), d.Note, d.BatchId, d.OwningDepartment(current), d.IsComplete, d.MissingFields,
            d.Status == DraftStatus.Pending && d.BaseEntryId is not null && current?.Version != d.BaseVersion,
            refusal is null, refusal, d.CreatedBy, d.CreatedAt, d.UpdatedBy, d.UpdatedAt, d.ReviewedBy, d.ReviewedAt, d.RejectReason,
            d.PublishedVersion, EntryView.Of(d.Proposed), withDiff && d.Status == DraftStatus.Pending ? EntryDiff.Between(current, d.Proposed) : null);
    }
}

/// <summary>The fields of a draft request (POST and PUT /api/admin/bank/drafts).</summary>
internal sealed record DraftRequest(
    string? BaseEntryId, string? EntryId, string? Question, List<string>? SimilarQuestions, List<string>? AddSimilarQuestions,
    string? Answer, string? Category, string? Department, string? Region, List<string>? Tags, string? Source, string? Basis,
    string? ValidFrom, string? ValidTo, string? Status, string? Origin, string? Note)
{
    public DraftChanges Changes => new()
    {
        EntryId = EntryId, Question = Question, SimilarQuestions = SimilarQuestions, AddSimilarQuestions = AddSimilarQuestions,
        Answer = Answer, Category = Category, Department = Department, Region = Region, Tags = Tags, Source = Source, Basis = Basis,
        ValidFrom = ValidFrom, ValidTo = ValidTo, Status = Status,
    };
}
