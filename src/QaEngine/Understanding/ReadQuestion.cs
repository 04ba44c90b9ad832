namespace GovAssistant.QaEngine.Understanding;

/// <summary>What the engine made of a message before matching it against the bank.</summary>
/// <param name="Core">The question to match: the interrogative clause(s) of the main question, framing and places removed.</param>
/// <param name="Questions">Every question the message asks, main one first (several when the message holds several).</param>
/// <param name="Region">The first place named (西安市, A市), kept for a region-specific bank; never a topic word.</param>
/// <param name="OwnCase">True when the message asks about the citizen's own records or application (为什么没扣, 审核到哪一步).</param>
/// <param name="Asked">True when some clause asks something (a question word or a question mark); false for a title or statement.</param>
public sealed record ReadQuestion(string Core, IReadOnlyList<string> Questions, string? Region, bool OwnCase, bool Asked)
{
    /// <summary>
    /// The whole message normalised, nothing set aside: who the citizen says they are (我是台湾人, 在美国) included. The
    /// engine sets it from the text it normalised; the reader alone leaves it <see cref="Core"/>.
    /// </summary>
    public string Message { get; init; } = Core;

    /// <summary>Every clause that names or asks something, circumstance included, framing and places removed.</summary>
    public string Whole { get; init; } = Core;

    /// <summary>
    /// The clauses that name a service (a need or an object of the lexicon) and the main question, without the rest of
    /// the story (我今年三十五岁, 前段时间摔了一跤); the same as <see cref="Core"/> when no clause outside the main
    /// question names one.
    /// </summary>
    public string Services { get; init; } = Core;

    /// <summary>True when the clauses ask about different services (then matching them together falls between).</summary>
    public bool SeveralServices { get; init; }

    /// <summary>
    /// The clause of the main question that asks (…获悉民办养老机构可申领运营补贴，现就<b>托育机构能否申请类似的运营补贴</b>):
    /// what it names is what is asked about, whatever else the clauses before it name; the same as <see cref="Core"/>
    /// when the message asks nothing.
    /// </summary>
    public string Asking { get; init; } = Core;
}
