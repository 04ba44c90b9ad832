using System.Runtime.CompilerServices;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Indexing;
using GovAssistant.QaEngine.Privacy;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine;

/// <summary>
/// The answering core: turns a citizen's question into a decision — answer, clarify, no answer, small talk
/// or a request for a human — using BM25 recall over the Lucene index and the re-ranker's confidence.
/// Thread-safe: any number of questions may be asked while a publish swaps the bank underneath.
/// </summary>
public sealed partial class AnswerEngine : IDisposable
{
    /// <summary>Boosts of the recall fields: the question's words, its character bigrams, and its words against answers.</summary>
    public static RecallWeights RecallWeights { get; } = new(Words: 1f, Bigrams: 0.6f, Answer: 0.1f);

    private readonly TextAnalysis _analysis;
    private readonly FaqIndex _index;
    private readonly Reranker _reranker;
    private readonly double _groupNotNamedPenalty;
    private readonly QaEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly QuestionReader _reader = QuestionReader.Default;
    private readonly NeedObjectMatch _match = NeedObjectMatch.Default;
    private readonly UsualService _usual = UsualService.Default;

    private const string NoAnswerReply =
        "抱歉，暂时没能回答您的问题。您可以换个说法再问一次（例如说明要办理的事项），或者转人工客服，由工作人员为您解答。";

    private const string ClarifyReply = "您是不是想问以下问题？请点击选择：";

    private const string GuessReply = "暂时没能确定您要咨询的问题。您是不是想问以下问题？如果都不是，可以换个说法再问，或者转人工客服。";

    private const string OffTopicReply = "我是政务服务智能助手，只能解答办事相关的问题，例如“身份证丢了怎么补办”“公积金怎么提取”。";

    private const string OwnCaseReply =
        "您问的是您本人的办理进度或个人记录，我这里查不到个人信息。您可以转人工客服，由工作人员为您核实；" +
        "也可以登录当地政务服务网、“国家政务服务平台”小程序或拨打12345热线查询。";

    /// <summary>Creates an engine with an empty bank; call <see cref="Publish"/> to load one.</summary>
    public AnswerEngine(QaEngineOptions options, TextAnalysis? analysis = null, RankingWeights? weights = null, TimeProvider? time = null)
    {
        _options = options;
        _analysis = analysis ?? TextAnalysis.CreateDefault();
        _index = new FaqIndex(_analysis, string.IsNullOrWhiteSpace(options.IndexPath) ? null : options.IndexPath);
        _reranker = new Reranker(weights ?? RankingWeights.Default);
        _groupNotNamedPenalty = (weights ?? RankingWeights.Default).MarginCap;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The options in force.</summary>
    public QaEngineOptions Options => _options;

    /// <summary>Number of entries currently searchable.</summary>
    public int EntryCount => _index.Bank.Count;

    /// <summary>Revision of the snapshot currently answered from.</summary>
    public long Revision => _index.Bank.Revision;

    /// <summary>Makes <paramref name="snapshot"/> the bank answered from (re-indexes what changed).</summary>
    public void Publish(BankSnapshot snapshot) => _index.Publish(snapshot);

    /// <summary>The owning departments of the searchable entries, each once.</summary>
    public IReadOnlyList<string> Departments => _index.Bank.All.Select(e => e.Entry.Department).OfType<string>().Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Looks up a searchable entry by id.</summary>
    public FaqEntry? FindEntry(string id) => _index.Bank.Find(id)?.Entry;

    /// <summary>
    /// Decides how to answer <paramref name="question"/>. With a <paramref name="context"/>, a follow-up is read
    /// in the topic of the previous answer and the context is updated with this turn.
    /// </summary>
    public AnswerResult Ask(string question, ConversationContext? context = null)
    {
        // Identifiers (phone, ID, card numbers …) say nothing about what is asked; their digits would only mislead.
        question = PiiMasker.Strip(question.Length > TextAnalysis.MaxChars ? question[..TextAnalysis.MaxChars] : question);
        var normalized = _analysis.Normalizer.Normalize(question);
        if (normalized.Length == 0) return Record(context, NoAnswer("empty", "请输入您要咨询的问题。", 0, []));
        if (ConversationalIntents.IsHumanRequest(normalized))
            return Record(context, new AnswerResult(AnswerDecision.HumanRequested, null, 1, [], [], "humanRequested", "正在为您转接人工客服，请稍候。", false));
        // Someone missing, someone in danger: whom to call, at once, and no entry however close its words.
        if (Emergencies.KindOf(normalized) is { } emergency)
            return Record(context, NoAnswer("emergency", Emergencies.ReplyFor(emergency), 0, []));
        if (ConversationalIntents.SmallTalkOf(normalized) is { } smallTalk)
            return Record(context, new AnswerResult(AnswerDecision.SmallTalk, null, 1, [], [], smallTalk.Kind, smallTalk.Reply, false));

        var read = _reader.Read(question) with { Message = normalized };
        // Everyday chat and questions about one's own case get no entry as an answer; the nearest entries still go
        // with the result (agents' suggestions, the question log).
        // A message that names a service (领证, 登记结婚) is not everyday chat, whoever else it mentions (男朋友); everyday
        // words in the story before a question (上个月下雨天出门买菜，…摔倒…) are not what it asks.
        var refusal = ConversationalIntents.IsOffTopic(read.Core.Length > 0 ? read.Core : normalized) && _match.Of(normalized) == default ? ("offTopic", OffTopicReply)
            : read.OwnCase ? ("ownCase", OwnCaseReply) : default((string, string)?);
        if (refusal is { } r)
            return Record(context, NoAnswer(r.Item1, r.Item2, 0, Suggest(read.Core.Length > 0 ? read.Core : normalized, _options.MaxCandidates)));
        var analyzed = read.Core.Length > 0 ? _analysis.AnalyzeNormalized(read.Core) : _analysis.AnalyzeNormalized(normalized);
        if (analyzed.IsEmpty) return Record(context, NoAnswer("noContent", "没能理解您的问题，请换个说法，或描述您要办理的事项。", 0, []));

        var followUp = FollowUps.IsFollowUp(analyzed);
        var usedContext = false;
        string? topicEntryId = null;
        if ((followUp || FollowUps.IsElliptical(analyzed)) && context is { TopicText: { Length: > 0 } topic, TurnsSinceTopic: <= 3 })
        {
            analyzed = _analysis.Analyze(topic + " " + question);
            usedContext = true;
            // Only a pure aspect question ("要多少钱？") stays with the very entry answered before.
            if (followUp) topicEntryId = context.TopicEntryId;
        }

        var ranked = Rank(analyzed, read.Message, topicEntryId);
        var confidence = _reranker.Confidence(ranked);
        var candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        if (followUp && !usedContext)
        {
            // "需要带什么材料？" with nothing before it: any entry would be a guess.
            return Record(context, NoAnswer("noTopic", "请问您要办理的是哪项业务？例如：“居住证需要带什么材料？”", confidence, candidates));
        }
        if (topicEntryId is not null && ranked.FindIndex(c => c.Entry.Entry.Id == topicEntryId) is var at and >= 0)
        {
            // A pure aspect follow-up ("网上能办吗？", "要多少钱？") asks about the service just answered, never another
            // one: the same entry, with the section for that aspect first when it has one.
            var topicEntry = ranked[at];
            ranked.RemoveAt(at);
            ranked.Insert(0, topicEntry);
            var (aspect, section) = AnswerAspects.Find(normalized, topicEntry.Entry.Entry.Answer);
            var followed = new AnswerResult(AnswerDecision.Answered, topicEntry.Entry.Entry, _reranker.Confidence(ranked),
                ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList(), [], null, null, true)
            { Aspect = aspect, AnswerSection = section, Region = read.Region };
            return Record(context, followed);
        }
        // The first reading's best entry and its lead, taken before the decision reorders the ranking.
        var (first, lead) = ranked.Count >= 2 ? (ranked[0].Entry.Entry.Id, ranked[0].Score - ranked[1].Score) : (null, 0.0);
        var result = Decide(analyzed, read, ranked, confidence, candidates);
        if (result.Decision != AnswerDecision.Answered && !usedContext && OtherReadingOf(read) is { } other)
        {
            // A short message is matched whole, circumstance with it, a long one by its question: when that reading is
            // not enough, the other one may be (…不爱做饭，想让她去社区老年食堂吃饭，有补贴吗 read as its question alone; a
            // formal letter whose question says only 请问届时可采取哪些处理方式 read whole). Its answer stands only where
            // the first reading ranks that entry first too: a circumstance left out (香港人…能办那个居住证吗) must not
            // point elsewhere. Its clarification stands where the first reading found nothing to offer.
            var otherRanked = Rank(other, read.Message);
            var second = Decide(other, read, otherRanked, _reranker.Confidence(otherRanked), otherRanked.Take(_options.MaxCandidates).Select(ToCandidate).ToList());
            if (second is { Decision: AnswerDecision.Answered, Entry: { } e } && ranked.Count > 0 && ranked[0].Entry.Entry.Id == e.Id && !HeldBack(read, result, e))
                result = second;
            else if (result.Decision == AnswerDecision.NoAnswer && AsClarification(second) is { } offered)
                result = offered;
        }
        if (result.Decision != AnswerDecision.Answered && !usedContext && TellingReadingOf(read) is { } told)
        {
            // Neither reading is enough: the clauses that name a service with the question, the rest of the story left out
            // (我爸今年七十八了，前段时间摔了一跤…). Its answer stands only where the first reading has that entry close to
            // the top; its clarification where the first reading found nothing to offer.
            var toldRanked = Rank(told, read.Message);
            var third = Decide(told, read, toldRanked, _reranker.Confidence(toldRanked), toldRanked.Take(_options.MaxCandidates).Select(ToCandidate).ToList());
            if (third is { Decision: AnswerDecision.Answered, Entry: { } e } && ranked.Take(TellingReadingRivals).Any(c => c.Entry.Entry.Id == e.Id) && !HeldBack(read, result, e))
                result = third;
            else if (result.Decision == AnswerDecision.NoAnswer && AsClarification(third) is { } offered)
                result = offered;
        }
        if (result.Decision != AnswerDecision.Answered && !usedContext && ReadingsAgree(read, analyzed, first, lead, confidence)
            && Decide(analyzed, read, Rank(analyzed, read.Message), confidence, candidates, AgreeingReadingsBar) is { Decision: AnswerDecision.Answered, Entry: { } agreedEntry } agreed
            && !AsksOfAThingTheEntryNeverSpeaksOf(analyzed, read, agreedEntry))
        {
            // Every reading points at the same entry (see ReadingsAgree): the lower bar, the near-miss checks all the same.
            result = agreed;
        }
        if (result.Decision == AnswerDecision.NoAnswer && result.Reason == "lowConfidence" && !usedContext && NamedServiceOf(read) is { } named)
        {
            // No reading is sure of anything, but the message names one need of one object (…驾驶证不知道放哪了，翻了好几遍都
            // 没有，怎么补办): the entry whose questions name both, and disagree with nothing, is offered first; answered
            // where the whole message's words matched it best too.
            result = AnsweredAsNamed(analyzed, read, named, first, confidence, candidates) ?? named;
        }
        else if (result is { Decision: AnswerDecision.Clarify, Reason: null or "topic" } && !usedContext && ReplacementNamed(read) is { } replacement
            && AnsweredAsNamed(analyzed, read, replacement, first, confidence, candidates) is { } replaced)
        {
            // A lost thing to be replaced (…户口本找不着了…咋补), offered its entries by a reading unsure of the story around
            // it: answered where the entry for replacing it is what the message's words matched best too.
            result = replaced;
        }
        if (result.Decision == AnswerDecision.NoAnswer && result.Reason == "lowConfidence" && !usedContext && GuessesFor(read, analyzed, confidence, candidates) is { } guessed)
        {
            // A question nothing was sure of, that still matched something: the nearest entries, offered as guesses.
            result = guessed;
        }
        if (!usedContext && (result.Decision == AnswerDecision.Clarify || result is { Decision: AnswerDecision.NoAnswer, Reason: "lowConfidence" })
            && LifeEventsTold(read) is { Count: > 0 } events)
        {
            // Nothing was sure, and the message tells a life event that usually leads to a service (…在医院走了…派出所):
            // answered where that service's entry is the one the words matched best, offered first otherwise.
            result = AgreedWithALifeEvent(analyzed, read, result, events, first, confidence, candidates)
                ?? LifeEventOffer(result, events) ?? result;
        }
        result = result with
        {
            UsedContext = usedContext,
            Region = read.Region,
            OtherQuestions = OthersOf(read),
        };
        if (result is { Decision: AnswerDecision.Answered, Entry: { } answered })
        {
            // The aspect is read from what the citizen typed ("多少钱？"), not from the topic it was joined with.
            var (aspect, section) = AnswerAspects.Find(normalized, answered.Answer);
            result = result with { Aspect = aspect, AnswerSection = section };
        }
        return Record(context, result);
    }

    // The first reading found the entry a near miss of what the message says (贷款买车…抵押登记 against a house's
    // mortgage): a reading that leaves out what made it one (the question alone, 银行要求办抵押登记去哪办) does not answer
    // with it.
    private static bool HeldBack(ReadQuestion read, AnswerResult first, FaqEntry entry) =>
        read.Questions.Count <= 1 && first is { Decision: AnswerDecision.Clarify, Reason: "object" } && first.Candidates.Count > 0 && first.Candidates[0].Id == entry.Id;

    // The reading every other reading agreed with names a thing the entry never speaks of, in its questions or its
    // answer: the low bar of agreeing readings is for a story around the question, not for a question about something
    // else ("…出国读书期间国内学籍要怎么处理" against 定居国外后户口怎么处理).
    private bool AsksOfAThingTheEntryNeverSpeaksOf(AnalyzedText analyzed, ReadQuestion read, FaqEntry entry) =>
        _index.Bank.Find(entry.Id) is { } indexed && _match.NamesAThingAskedTheEntryNeverSpeaksOf(_match.Of(analyzed.Normalized, read.Message), indexed);

    /// <summary>The best entries for <paramref name="text"/> without a decision (agents' suggestions, consistency checks).</summary>
    public IReadOnlyList<AnswerCandidate> Suggest(string text, int max)
    {
        var analyzed = _analysis.Analyze(PiiMasker.Strip(text.Length > TextAnalysis.MaxChars ? text[..TextAnalysis.MaxChars] : text));
        return analyzed.IsEmpty ? [] : Rank(analyzed, analyzed.Normalized).Take(max).Select(ToCandidate).ToList();
    }

    // The entries for the analysed text, best first. An entry only for a group of people (港澳台 residents, foreigners,
    // servicemen …) that the message does not name loses the most lead the confidence counts (the margin cap): "居住证
    // 丢了" is not asked by a 港澳台 resident, so the 港澳台 twin of the entry meant, as close in words, is no rival to it.
    // No more than that: in general text the groups' words (毕业, 外国, 香港) are often no group at all (LCQMC dev:
    // a full point of penalty put 11 right entries out of the top five).
    private List<ScoredCandidate> Rank(AnalyzedText analyzed, string message, string? topicEntryId = null)
    {
        var bank = _index.Bank;
        var hits = _index.Recall(analyzed, RecallWeights, _options.RecallDocuments, _options.RerankEntries);
        var ranked = _reranker.Rank(analyzed, hits, bank);
        var today = Today();
        ranked.RemoveAll(c => !c.Entry.Entry.IsAnswerableOn(today));
        var named = GroupsNamed(message, analyzed.Normalized);
        var demoted = false;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (!IsForAGroupNotNamed(ranked[i].Entry, named)) continue;
            ranked[i] = ranked[i] with { Score = ranked[i].Score - _groupNotNamedPenalty };
            demoted = true;
        }
        if (demoted) ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (topicEntryId is not null)
        {
            var i = ranked.FindIndex(c => c.Entry.Entry.Id == topicEntryId);
            if (i >= 0)
            {
                ranked[i] = ranked[i] with { Score = ranked[i].Score + _options.FollowUpTopicBonus };
                ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
            }
        }
        return ranked;
    }

    // The groups an entry is only for, read from its standard question once per entry of a published bank.
    private readonly ConditionalWeakTable<IndexedEntry, StrongBox<int>> _groupMarks = new();

    // The groups the whole message or the reading matched names someone as of.
    private static int GroupsNamed(string message, string reading) => Identities.GroupsNamedIn(message) | Identities.GroupsNamedIn(reading);

    // True when the entry is only for a group (港澳台 residents, foreigners …) not among those named.
    private bool IsForAGroupNotNamed(IndexedEntry entry, int named) => (GroupsMarking(entry) & ~named) != 0;

    // The groups the entry is only for (Identities.GroupsMarking of its standard question), one bit per group.
    private int GroupsMarking(IndexedEntry entry) =>
        _groupMarks.GetValue(entry, e => new StrongBox<int>(Identities.GroupsMarking(e.Phrasings[0].Normalized))).Value;

    // The local date, read from the clock again after a minute or at local midnight, whichever comes first: converting
    // the clock to local time on every question cost 7 % of a question.
    private volatile LocalDate? _today;

    private sealed record LocalDate(DateTimeOffset From, DateTimeOffset Until, DateOnly Date);

    private DateOnly Today()
    {
        var now = _time.GetUtcNow();
        if (_today is { } known && now >= known.From && now < known.Until) return known.Date;
        var local = _time.GetLocalNow();
        var untilMidnight = local.Date.AddDays(1) - local.DateTime;
        var date = new LocalDate(now, now + (untilMidnight < TimeSpan.FromMinutes(1) ? untilMidnight : TimeSpan.FromMinutes(1)), DateOnly.FromDateTime(local.DateTime));
        _today = date;
        return date.Date;
    }

    private static AnswerResult NoAnswer(string reason, string reply, double confidence, IReadOnlyList<AnswerCandidate> candidates) =>
        new(AnswerDecision.NoAnswer, null, confidence, candidates, [], reason, reply, false);

    private AnswerResult Record(ConversationContext? context, AnswerResult result)
    {
        if (context is null) return result;
        string? topic = null;
        if (result is { Decision: AnswerDecision.Answered, Entry: { } entry } && _index.Bank.Find(entry.Id) is { } indexed)
            topic = FollowUps.TopicOf(indexed.Phrasings[0]);
        context.Record(result, topic);
        return result;
    }

    private static AnswerCandidate ToCandidate(ScoredCandidate c) =>
        new(c.Entry.Entry.Id, c.Entry.Entry.Question, Math.Round(c.Score, 4), c.Entry.Entry.Category);

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();
}
