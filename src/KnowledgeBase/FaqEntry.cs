namespace GovAssistant.KnowledgeBase;

/// <summary>
/// One entry of the unified Q&amp;A bank (统一问答库): a standard question, its alternate phrasings and the one
/// authoritative answer, with the facts an editor needs to keep it correct (owner, policy basis, validity).
/// Only <see cref="Id"/>, <see cref="Question"/> and <see cref="Answer"/> are required.
/// </summary>
public sealed record FaqEntry
{
    /// <summary>Stable, unique identifier (e.g. <c>HJ-001</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The standard question.</summary>
    public required string Question { get; init; }

    /// <summary>Alternate phrasings of the same intent.</summary>
    public IReadOnlyList<string> SimilarQuestions { get; init; } = [];

    /// <summary>The answer, plain text or Markdown.</summary>
    public required string Answer { get; init; }

    /// <summary>Service theme, e.g. 户籍, 社保.</summary>
    public string? Category { get; init; }

    /// <summary>Owning office, e.g. 公安局户政管理部门.</summary>
    public string? Department { get; init; }

    /// <summary>Region the answer applies to, e.g. 全国通用.</summary>
    public string? Region { get; init; }

    /// <summary>Free keywords.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Where the entry came from: 热线 / 信箱 / 访谈 / 部门 / 政策 ….</summary>
    public string? Source { get; init; }

    /// <summary>The policy document (and number) the answer rests on.</summary>
    public string? Basis { get; init; }

    /// <summary>First day the answer applies (inclusive); null means always.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the answer applies (inclusive); null means no end.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Editorial status; only <see cref="FaqStatus.Published"/> entries are answered.</summary>
    public FaqStatus Status { get; init; } = FaqStatus.Published;

    /// <summary>Version number, incremented on every change.</summary>
    public int Version { get; init; } = 1;

    /// <summary>When the entry last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// Value equality over every member, comparing <see cref="SimilarQuestions"/> and <see cref="Tags"/> item by item
    /// (a record would otherwise compare the list references), so an entry read back from a file or the store equals the one written.
    /// </summary>
    public bool Equals(FaqEntry? other) =>
        other is not null
        && HasSameContentAs(other)
        && Version == other.Version
        && UpdatedAt == other.UpdatedAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Question, Answer, Status, Version);

    /// <summary>
    /// True when both entries say the same thing: every member except the bookkeeping ones,
    /// <see cref="Version"/> and <see cref="UpdatedAt"/>. The store uses it to skip writes that change nothing.
    /// </summary>
    public bool HasSameContentAs(FaqEntry other) =>
        Id == other.Id
        && Question == other.Question
        && SimilarQuestions.SequenceEqual(other.SimilarQuestions)
        && Answer == other.Answer
        && Category == other.Category
        && Department == other.Department
        && Region == other.Region
        && Tags.SequenceEqual(other.Tags)
        && Source == other.Source
        && Basis == other.Basis
        && ValidFrom == other.ValidFrom
        && ValidTo == other.ValidTo
        && Status == other.Status;

    /// <summary>True when the entry may be given to a citizen on <paramref name="day"/>: published and within its validity dates.</summary>
    public bool IsAnswerableOn(DateOnly day) =>
        Status == FaqStatus.Published
        && (ValidFrom is null || ValidFrom <= day)
        && (ValidTo is null || day <= ValidTo);
}
