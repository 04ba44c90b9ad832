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
public sealed class AnswerEngine : IDisposable
{
    /// <summary>Boosts of the recall fields: the question's words, its character bigrams, and its words against answers.</summary>
    public static RecallWeights RecallWeights { get; } = new(Words: 1f, Bigrams: 0.6f, Answer: 0.1f);

    private readonly TextAnalysis _analysis;
    private readonly FaqIndex _index;
    private readonly Reranker _reranker;
    private readonly QaEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly QuestionReader _reader = QuestionReader.Default;
    private readonly NeedObjectMatch _match = NeedObjectMatch.Default;

    private const string NoAnswerReply =
        "抱歉，暂时没能回答您的问题。您可以换个说法再问一次（例如说明要办理的事项），或者转人工客服，由工作人员为您解答。";

    private const string ClarifyReply = "您是不是想问以下问题？请点击选择：";

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
        if (ConversationalIntents.SmallTalkOf(normalized) is { } smallTalk)
            return Record(context, new AnswerResult(AnswerDecision.SmallTalk, null, 1, [], [], smallTalk.Kind, smallTalk.Reply, false));

        var read = _reader.Read(question);
        // Everyday chat and questions about one's own case get no entry as an answer; the nearest entries still go
        // with the result (agents' suggestions, the question log).
        // A message that names a service (领证, 登记结婚) is not everyday chat, whoever else it mentions (男朋友).
        var refusal = ConversationalIntents.IsOffTopic(normalized) && _match.Of(normalized) == default ? ("offTopic", OffTopicReply)
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

        var ranked = Rank(analyzed, topicEntryId);
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
        var result = Decide(analyzed, read, ranked, confidence, candidates);
        if (result.Decision != AnswerDecision.Answered && !usedContext && OtherReadingOf(read) is { } other)
        {
            // A short message is matched whole, circumstance with it, a long one by its question: when that reading is
            // not enough, the other one may be (…不爱做饭，想让她去社区老年食堂吃饭，有补贴吗 read as its question alone; a
            // formal letter whose question says only 请问届时可采取哪些处理方式 read whole). Its answer stands only where
            // the first reading ranks that entry first too: a circumstance left out (香港人…能办那个居住证吗) must not
            // point elsewhere. Its clarification stands where the first reading found nothing to offer.
            var otherRanked = Rank(other);
            var second = Decide(other, read, otherRanked, _reranker.Confidence(otherRanked), otherRanked.Take(_options.MaxCandidates).Select(ToCandidate).ToList());
            if (second is { Decision: AnswerDecision.Answered, Entry: { } e } && ranked.Count > 0 && ranked[0].Entry.Entry.Id == e.Id)
                result = second;
            else if (result.Decision == AnswerDecision.NoAnswer && AsClarification(second) is { } offered)
                result = offered;
        }
        if (result.Decision != AnswerDecision.Answered && !usedContext && TellingReadingOf(read) is { } told)
        {
            // Neither reading is enough: the clauses that name a service with the question, the rest of the story left out
            // (我爸今年七十八了，前段时间摔了一跤…). Its answer stands only where the first reading has that entry close to
            // the top; its clarification where the first reading found nothing to offer.
            var toldRanked = Rank(told);
            var third = Decide(told, read, toldRanked, _reranker.Confidence(toldRanked), toldRanked.Take(_options.MaxCandidates).Select(ToCandidate).ToList());
            if (third is { Decision: AnswerDecision.Answered, Entry: { } e } && ranked.Take(TellingReadingRivals).Any(c => c.Entry.Entry.Id == e.Id))
                result = third;
            else if (result.Decision == AnswerDecision.NoAnswer && AsClarification(third) is { } offered)
                result = offered;
        }
        if (result.Decision == AnswerDecision.NoAnswer && result.Reason == "lowConfidence" && !usedContext && NamedServiceOf(read) is { } named)
        {
            // No reading is sure of anything, but the message names one need of one object (…驾驶证不知道放哪了，翻了好几遍都
            // 没有，怎么补办): the entry whose questions name both, and disagree with nothing, is offered first.
            result = named;
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

    private AnswerResult Decide(AnalyzedText analyzed, ReadQuestion read, List<ScoredCandidate> ranked, double confidence, List<AnswerCandidate> candidates) =>
        Decide(analyzed, !Interrogatives.Asks(analyzed.Normalized) && !read.Asked, _match.Of(analyzed.Normalized), ranked, confidence, candidates,
            bareTopic: FollowUps.IsBareTopic(analyzed), message: read.Whole);

    // Another reading's decision as an offer where the first reading found nothing: its clarification as it is, its
    // answer (not trusted outright, the first reading disagreeing) as the entries nearest it, that one first.
    private AnswerResult? AsClarification(AnswerResult other)
    {
        if (other.Decision == AnswerDecision.Clarify) return other;
        if (other.Decision != AnswerDecision.Answered || other.Candidates.Count < 2 || other.Confidence < _options.ClarifyThreshold) return null;
        return other with { Decision = AnswerDecision.Clarify, Entry = null, Choices = ChoicesFrom(other.Candidates), Reason = null, Reply = ClarifyReply };
    }

    // The entries for the words naming the message's need and object alone, as choices, when the best of them names both.
    private AnswerResult? NamedServiceOf(ReadQuestion read)
    {
        var profile = _match.Of(read.Whole);
        if (System.Numerics.BitOperations.PopCount(profile.Needs) != 1 || UInt128.PopCount(profile.Objects) != UInt128.One) return null;
        var named = _analysis.AnalyzeNormalized(string.Join(' ', _match.NamingWordsOf(read.Whole)));
        if (named.IsEmpty) return null;
        var ranked = Rank(named);
        if (ranked.Count < 2 || !_match.NamesNeedAndObject(profile, ranked[0].Entry) || _match.Disagreement(profile, ranked[0].Entry) is not null)
            return null;
        var confidence = _reranker.Confidence(ranked);
        if (confidence < _options.ClarifyThreshold) return null;
        var candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, ChoicesFrom(candidates), null, ClarifyReply, false);
    }

    // The choices offered from candidates (at least two): those within the clarify window of the first, that one first.
    private List<AnswerCandidate> ChoicesFrom(IReadOnlyList<AnswerCandidate> candidates)
    {
        var floor = candidates[0].Score - _options.ClarifyScoreWindow;
        var choices = candidates.Where(c => c.Score >= floor).Take(Math.Clamp(_options.MaxClarifyChoices, 2, 5)).ToList();
        return choices.Count >= 2 ? choices : candidates.Take(2).ToList();
    }

    // The message read the other way: its main question alone when it was matched whole, whole when it was matched by
    // its question (unless it asks about different services, which matched together would fall between).
    private AnalyzedText? OtherReadingOf(ReadQuestion read)
    {
        if (!read.Asked || read.Questions.Count == 0) return null;
        var text = read.Core != read.Questions[0] ? read.Questions[0] : !read.SeveralServices && read.Whole != read.Core ? read.Whole : null;
        if (text is null) return null;
        var other = _analysis.AnalyzeNormalized(text);
        return other.IsEmpty || FollowUps.IsFollowUp(other) ? null : other;
    }

    // How near the top of the first reading an entry answered from the clauses naming a service must be.
    private const int TellingReadingRivals = 3;

    // The clauses naming a service with the main question, when they differ from both readings already tried.
    private AnalyzedText? TellingReadingOf(ReadQuestion read)
    {
        if (!read.Asked || read.SeveralServices || read.Services == read.Core || read.Services == read.Whole) return null;
        var told = _analysis.AnalyzeNormalized(read.Services);
        return told.IsEmpty || FollowUps.IsFollowUp(told) ? null : told;
    }

    // The other questions of a message that asks several ("…怎么办理？另外公积金能提取吗？"): the best entry of each that is
    // at least worth offering, none twice.
    private List<AnswerCandidate> OthersOf(ReadQuestion read)
    {
        if (read.Questions.Count < 2) return [];
        var others = new List<AnswerCandidate>();
        foreach (var q in read.Questions.Skip(1).Take(3))
        {
            var analyzed = _analysis.AnalyzeNormalized(q);
            if (analyzed.IsEmpty || FollowUps.IsFollowUp(analyzed)) continue;
            var ranked = Rank(analyzed);
            if (ranked.Count == 0 || _reranker.Confidence(ranked) < _options.ClarifyThreshold) continue;
            var best = ToCandidate(ranked[0]);
            if (others.All(o => o.Id != best.Id)) others.Add(best);
        }
        return others;
    }

    /// <summary>The best entries for <paramref name="text"/> without a decision (agents' suggestions, consistency checks).</summary>
    public IReadOnlyList<AnswerCandidate> Suggest(string text, int max)
    {
        var analyzed = _analysis.Analyze(PiiMasker.Strip(text.Length > TextAnalysis.MaxChars ? text[..TextAnalysis.MaxChars] : text));
        return analyzed.IsEmpty ? [] : Rank(analyzed).Take(max).Select(ToCandidate).ToList();
    }

    private List<ScoredCandidate> Rank(AnalyzedText analyzed, string? topicEntryId = null)
    {
        var bank = _index.Bank;
        var hits = _index.Recall(analyzed, RecallWeights, _options.RecallDocuments, _options.RerankEntries);
        var ranked = _reranker.Rank(analyzed, hits, bank);
        var today = Today();
        ranked.RemoveAll(c => !c.Entry.Entry.IsAnswerableOn(today));
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

    private AnswerResult Decide(AnalyzedText question, bool statement, ServiceProfile profile, List<ScoredCandidate> ranked, double confidence, List<AnswerCandidate> candidates, bool bareTopic,
        string message)
    {
        if (ranked.Count == 0)
            return NoAnswer("noMatch", NoAnswerReply, 0, candidates);
        if (PromoteTheEntryThatAgrees(question, profile, ranked))
            candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        string? nearMiss = null;
        // A title or statement naming a need and an object is held to the same bar as a question, unless it complains
        // about a case.
        var complaint = statement && CaseMarkers.IsComplaint(question.Normalized);
        if (confidence >= AnswerBar(complaint, profile, ranked, confidence, question.Compact) && !(bareTopic && ranked.Count >= 2))
        {
            nearMiss = _match.Disagreement(profile, ranked[0].Entry) ?? (SharesTopicWord(question, ranked[0].Entry) ? null : "word")
                ?? (LeavesWordUnused(question, ranked[0].Entry, confidence) ? "word" : null)
                ?? (question.Compact.Length <= ShortQuestion && HasGenericTwin(profile, ranked) ? "need" : null)
                ?? (statement && CaseMarkers.IsLocalCase(question.Normalized) ? "localCase" : null)
                ?? (Identities.ForSomeoneNotNamed(ranked[0].Entry.Phrasings[0].Normalized, message, question.Normalized) ? "identity" : null);
            if (nearMiss is null)
                return new AnswerResult(AnswerDecision.Answered, ranked[0].Entry.Entry, confidence, candidates, [], null, null, false);
            candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        }
        if (confidence >= _options.ClarifyThreshold)
        {
            var floor = ranked[0].Score - _options.ClarifyScoreWindow;
            var choices = candidates.Where(c => c.Score >= floor).Take(Math.Clamp(_options.MaxClarifyChoices, 2, 5)).ToList();
            // A near miss is offered with the nearby entries, so that the one the citizen means is among them.
            if (nearMiss is not null && choices.Count < 3) choices = candidates.Take(3).ToList();
            if (choices.Count < 2 && candidates.Count >= 2) choices = candidates.Take(2).ToList();
            if (choices.Count >= 2)
                return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, choices, nearMiss, ClarifyReply, false);
            return NoAnswer("lowConfidence", NoAnswerReply, confidence, candidates);
        }
        // Above one, clarifying is switched off altogether (by topic too).
        if (_options.ClarifyThreshold <= 1 && confidence >= _options.TopicClarifyThreshold && profile.Objects != 0)
        {
            // The object is clear (身份证, 公积金), what is needed of it is not: the entries about that object are offered.
            var onTopic = ranked.Take(_options.MaxCandidates).Where(c => _match.NamesObject(profile, c.Entry))
                .Take(TopicChoices).Select(ToCandidate).ToList();
            if (onTopic.Count >= 2)
                return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, onTopic, "topic", ClarifyReply, false);
        }
        return NoAnswer("lowConfidence", NoAnswerReply, confidence, candidates);
    }

    // "护照补办要准备什么材料": the words of the aspect (需要什么材料) rank 第一次办护照需要什么材料 first, which is about another
    // need. When the best entry disagrees with the need or object named, the entry that names both and disagrees with
    // nothing goes first: the one close rival that does, or else the best entry for the question's topic words alone
    // (护照 补办 → 护照丢了怎么补发).
    private bool PromoteTheEntryThatAgrees(AnalyzedText question, ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        if (profile.Needs == 0 || profile.Objects == 0 || _match.Disagreement(profile, ranked[0].Entry) is null) return false;
        var floor = ranked[0].Score - AgreementRivalWindow;
        var agreeing = -1;
        for (var i = 1; i <= AgreementRivals && i < ranked.Count && ranked[i].Score >= floor; i++)
        {
            if (!Agrees(ranked[i])) continue;
            if (agreeing >= 0) return false;
            agreeing = i;
        }
        if (agreeing < 0)
        {
            var topic = FollowUps.TopicOf(question);
            if (topic.Length == 0 || topic.Replace(" ", "", StringComparison.Ordinal) == question.Compact) return false;
            var byTopic = Rank(_analysis.AnalyzeNormalized(topic));
            if (byTopic.Count == 0 || !Agrees(byTopic[0])) return false;
            agreeing = ranked.FindIndex(c => c.Entry.Entry.Id == byTopic[0].Entry.Entry.Id);
            if (agreeing < 0)
            {
                ranked.Insert(0, byTopic[0]);
                return true;
            }
        }
        var entry = ranked[agreeing];
        ranked.RemoveAt(agreeing);
        ranked.Insert(0, entry);
        return true;

        bool Agrees(ScoredCandidate c) => _match.NamesNeedAndObject(profile, c.Entry) && _match.Disagreement(profile, c.Entry) is null;
    }

    // A weak confidence offers at most this many entries of the object named: a short list the citizen can read.
    private const int TopicChoices = 3;

    // The rivals looked at when the best entry alone names what is asked: the next few entries close behind it.
    private const int AgreementRivals = 4;
    private const double AgreementRivalWindow = 0.5;

    // The confidence needed to answer outright. A message (not a complaint about a case: "投诉…拖欠…" names the
    // service it complains of, not what it asks) that names a need and an object, answered by the one entry close to
    // the top whose questions name both, needs less: long, polite and spoken messages score low on word overlap while
    // saying exactly what they need ("…护照不见了…应该怎么补办？", "护照 办理进度 查询").
    private double AnswerBar(bool complaint, ServiceProfile profile, List<ScoredCandidate> ranked, double confidence, string reading)
    {
        var bar = BarForLength(reading);
        // Above one, answering is switched off altogether (the lowered bar too).
        if (complaint || _options.AnswerThreshold > 1 || confidence >= bar || confidence < _options.AgreedAnswerThreshold)
            return bar;
        if (!_match.NamesNeedAndObject(profile, ranked[0].Entry)) return bar;
        var floor = ranked[0].Score - AgreementRivalWindow;
        for (var i = 1; i <= AgreementRivals && i < ranked.Count && ranked[i].Score >= floor; i++)
            if (_match.NamesNeedAndObject(profile, ranked[i].Entry)) return bar;
        return _options.AgreedAnswerThreshold;
    }

    // A long reading (the text matched: a letter's subject and question, a story) is held to the lower bar.
    private double BarForLength(string reading)
    {
        if (_options.AnswerThreshold > 1) return _options.AnswerThreshold;
        var length = 0;
        foreach (var c in reading)
            if (!char.IsWhiteSpace(c)) length++;
        return length > _options.LongMessageLength ? Math.Min(_options.LongMessageAnswerThreshold, _options.AnswerThreshold) : _options.AnswerThreshold;
    }

    // In a short question every word is part of what is asked: a word of it (not a question or aspect word) that the
    // entry uses nowhere, in its questions or its answer, is a need or a thing it may not answer ("国家奖学金怎么评选"
    // against 助学金, "房子被法院查封了怎么解封" against 查房产). Only a very sure match is answered then; in a long message
    // such words are mostly the citizen's circumstances (我在苏州租房住了两年…).
    private bool LeavesWordUnused(AnalyzedText question, IndexedEntry entry, double confidence)
    {
        if (confidence >= _options.UnusedWordConfidence || question.Compact.Length > _options.ShortQuestionLength) return false;
        HashSet<string>? synonymParts = null;
        foreach (var w in question.Words)
        {
            // Latin letters and digits (AND, 12123, C1) are codes or stray syntax, not the thing asked about.
            if (w.Length < 2 || FollowUps.IsAspectWord(w) || !w.Any(char.IsLetter) || w.All(char.IsAscii)) continue;
            // 一直, 今年, 不能, 能换 ask nothing, 在哪儿, 啥子 only ask; 咋个, 重庆 tell how or where the citizen is, unless the bank
            // asks about them (台湾).
            if (_analysis.Lexicon.IsFunctionWord(w) || Interrogatives.Asks(w)) continue;
            if (_analysis.Lexicon.CircumstanceWords.Contains(w) && !_index.Bank.Words.Contains(w)) continue;
            if (Array.IndexOf(entry.AllPhrasingWords, w) >= 0 || Array.IndexOf(entry.AnswerWords, w) >= 0) continue;
            // 名簿 of 户口名簿 is a piece search mode cut out of a word the synonyms read whole (户口本).
            synonymParts ??= _analysis.Lexicon.PartsOfSynonyms(question.Normalized);
            if (!synonymParts.Contains(w)) return true;
        }
        return false;
    }

    // A question this short that names an object and no need ("居住证怎么办", "护照咋弄") asks for the usual service;
    // a longer one usually says what it needs in words no lexicon lists.
    private const int ShortQuestion = 8;

    // "居住证怎么办" names no need: when an entry about the usual service of that object is close behind one about a
    // particular need (签注), the citizen is asked which one is meant.
    private bool HasGenericTwin(ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        for (var i = 1; i < Math.Min(ranked.Count, _options.MaxCandidates); i++)
        {
            if (!_match.PrefersGeneric(profile, ranked[0].Entry, ranked[i].Entry)) continue;
            // Offer the usual service first, then the particular one the words matched best.
            var generic = ranked[i];
            ranked.RemoveAt(i);
            ranked.Insert(0, generic);
            return true;
        }
        return false;
    }

    // At least one word of the question (not an aspect or question word) must be a word of the entry's questions:
    // "附近有什么好吃的" shares only characters with "社区老年食堂怎么吃饭".
    private static bool SharesTopicWord(AnalyzedText question, IndexedEntry entry)
    {
        foreach (var w in question.Words)
            if (w.Length >= 2 && !FollowUps.IsAspectWord(w) && Array.IndexOf(entry.AllPhrasingWords, w) >= 0) return true;
        return false;
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
