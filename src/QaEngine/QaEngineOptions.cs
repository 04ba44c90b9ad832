namespace GovAssistant.QaEngine;

/// <summary>
/// Decision thresholds and index settings, bound from the <c>QaEngine</c> configuration section:
/// <code>
/// "QaEngine": { "AnswerThreshold": 0.8, "ClarifyThreshold": 0.25, "IndexPath": "App_Data/index" }
/// </code>
/// </summary>
public sealed class QaEngineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "QaEngine";

    /// <summary>
    /// Minimum confidence to answer outright. Chosen so that answers given are right ≥ 97% of the time on the dev sets.
    /// Above one, nothing is answered outright (<see cref="AgreedAnswerThreshold"/> included).
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.85;

    /// <summary>
    /// Minimum confidence to answer a long message outright: one whose text matched (its question with the circumstance
    /// or subject read with it; greetings, scaffolding and places set aside) is more than <see cref="LongMessageLength"/>
    /// characters. Lower than <see cref="AnswerThreshold"/>: a letter or a story scores
    /// low on word overlap with a bank question of ten characters however exactly it says what it needs. Never above
    /// <see cref="AnswerThreshold"/>; answering switched off switches this off too.
    /// </summary>
    public double LongMessageAnswerThreshold { get; set; } = 0.75;

    /// <summary>Text matched longer than this many characters (see <see cref="LongMessageAnswerThreshold"/>) is long.</summary>
    public int LongMessageLength { get; set; } = 20;

    /// <summary>
    /// A question (not a title or statement) that names a need and an object is answered from this confidence when
    /// the best entry's questions name that need and that object and no close rival's questions do: the evidence
    /// is what is asked, not how many words match, so it holds for long, polite and spoken questions too.
    /// </summary>
    public double AgreedAnswerThreshold { get; set; } = 0.5;

    /// <summary>
    /// A long question whose every reading (its question with the circumstance, the whole message, the clauses naming a
    /// service, the main question alone) ranks the same entry first, clearly ahead, is answered from this confidence;
    /// the near-miss checks apply as for any answer. Never above <see cref="LongMessageAnswerThreshold"/>; answering
    /// switched off switches this off too.
    /// </summary>
    public double AgreeingReadingsAnswerThreshold { get; set; } = 0.45;

    /// <summary>
    /// A message telling a life event ("我爸上周在医院走了…户口本要交到哪里") whose service's entry is the one its words
    /// matched best is answered from this confidence; the near-miss checks apply as for any answer. Never above
    /// <see cref="AgreeingReadingsAnswerThreshold"/>; answering switched off switches this off too.
    /// </summary>
    public double LifeEventAnswerThreshold { get; set; } = 0.25;

    /// <summary>
    /// Questions up to this many characters (after the message's core is read) are short: every word of them is part
    /// of what is asked (see <see cref="UnusedWordConfidence"/>).
    /// </summary>
    public int ShortQuestionLength { get; set; } = 16;

    /// <summary>
    /// A short question with a word the best entry never uses (in its questions or answer) is answered outright only
    /// at this confidence or above; below it the citizen is asked "您是不是想问…".
    /// </summary>
    public double UnusedWordConfidence { get; set; } = 0.97;

    /// <summary>
    /// Minimum confidence of the top candidate to ask "您是不是想问…" rather than admit no answer. Above one, nothing is
    /// clarified (<see cref="TopicClarifyThreshold"/> included).
    /// </summary>
    public double ClarifyThreshold { get; set; } = 0.25;

    /// <summary>
    /// Below <see cref="ClarifyThreshold"/> but from this confidence, a question that names an object (身份证, 公积金 …)
    /// is offered the entries about that object ("您是不是想问…") instead of no answer: the topic is clear, the need
    /// is not.
    /// </summary>
    public double TopicClarifyThreshold { get; set; } = 0.05;

    /// <summary>Candidates offered in a clarification are those scoring within this distance of the top one.</summary>
    public double ClarifyScoreWindow { get; set; } = 0.2;

    /// <summary>
    /// Added to the score of the previous answer's entry when a follow-up ("在哪里办？") is read in its topic: the
    /// entry already answered usually covers materials, place, fee and time, so it wins unless another entry of
    /// the topic is clearly about the aspect asked.
    /// </summary>
    public double FollowUpTopicBonus { get; set; } = 0.5;

    /// <summary>Most choices offered in a clarification (2–5).</summary>
    public int MaxClarifyChoices { get; set; } = 5;

    /// <summary>Candidates returned with every decision, for the API and the agents' suggestions.</summary>
    public int MaxCandidates { get; set; } = 10;

    /// <summary>Lucene documents (phrasings) fetched by BM25 recall.</summary>
    public int RecallDocuments { get; set; } = 150;

    /// <summary>Distinct entries passed from recall to re-ranking.</summary>
    public int RerankEntries { get; set; } = 40;

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Folder of the on-disk Lucene index; null or empty keeps the index in memory.</summary>
    public string? IndexPath { get; set; }
}
