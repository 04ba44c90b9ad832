using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine;

// The other readings of a message (its question alone or whole, the clauses naming a service, the need and object it
// names) and the other questions it asks.
public sealed partial class AnswerEngine
{
    private AnswerResult Decide(AnalyzedText analyzed, ReadQuestion read, List<ScoredCandidate> ranked, double confidence, List<AnswerCandidate> candidates,
        double? answerBar = null) =>
        Decide(analyzed, IsStatement(analyzed, read), _match.Of(analyzed.Normalized, read.Message), ranked, confidence, candidates,
            bareTopic: FollowUps.IsBareTopic(analyzed), message: read.Message, answerBar, asking: read.Asked ? read.Asking : null);

    // A title, a list of keywords or a complaint: neither the reading nor the message asks anything (no 怎么, 吗, 能否 …).
    private static bool IsStatement(AnalyzedText analyzed, ReadQuestion read) => !read.Asked && !Interrogatives.Asks(analyzed.Normalized);

    // Never above the bar for long messages.
    private double AgreeingReadingsBar => Math.Min(_options.AgreeingReadingsAnswerThreshold, Math.Min(_options.LongMessageAnswerThreshold, _options.AnswerThreshold));

    // Never above the bar for agreeing readings.
    private double LifeEventBar => Math.Min(_options.LifeEventAnswerThreshold, AgreeingReadingsBar);

    // A long message whose readings were all tried: how much of it must be read (compact, without spaces) before they
    // count as separate evidence, and the lead its first reading's best entry must have. Thirty characters hold a
    // circumstance and a question ("我那口子月底生娃我是男的能休几天假…", a letter's subject and what it asks); forty
    // left such spoken messages and short letters, right in every reading, as choices (README, "How the engine was tuned").
    private const int AgreeingReadingsLength = 30;
    private const double AgreeingReadingsLead = 0.2;

    // A long question read every way the reader gives (its question with the circumstance, the whole message, the
    // clauses naming a service, the main question alone) whose best entry is the same every time, clearly ahead in the
    // first reading: the words that matched are not an accident of where the message was cut, and the story around
    // the question ("我是湖南人，研究生毕业后进了深圳一家科技公司…") is what keeps the confidence low. Then the lower bar
    // (QaEngineOptions.AgreeingReadingsAnswerThreshold) applies, the near-miss checks all the same.
    private bool ReadingsAgree(ReadQuestion read, AnalyzedText analyzed, string? first, double lead, double confidence)
    {
        if (!read.Asked || first is null || _options.AnswerThreshold > 1 || confidence < AgreeingReadingsBar) return false;
        if (lead < AgreeingReadingsLead || CompactLength(read.Whole) < AgreeingReadingsLength) return false;
        foreach (var text in new[] { read.Whole, read.Services, read.Questions.Count > 0 ? read.Questions[0] : read.Core }.Distinct())
        {
            if (text == analyzed.Normalized) continue;
            var other = _analysis.AnalyzeNormalized(text);
            if (other.IsEmpty) return false;
            var otherRanked = Rank(other, read.Message);
            if (otherRanked.Count == 0 || otherRanked[0].Entry.Entry.Id != first
                || otherRanked.Count > 1 && otherRanked[1].Score >= otherRanked[0].Score) return false;
        }
        return true;
    }

    // Another reading's decision as an offer where the first reading found nothing: its clarification as it is, its
    // answer (not trusted outright, the first reading disagreeing) as the entries nearest it, that one first.
    private AnswerResult? AsClarification(AnswerResult other)
    {
        if (other.Decision == AnswerDecision.Clarify) return other;
        if (other.Decision != AnswerDecision.Answered || other.Candidates.Count < 2 || other.Confidence < _options.ClarifyThreshold) return null;
        return other with { Decision = AnswerDecision.Clarify, Entry = null, Choices = ChoicesFrom(other.Candidates), Reason = null, Reply = ClarifyReply };
    }

    // The entries for the words naming the message's need and object alone, as choices, when the best of them names both.
    private AnswerResult? NamedServiceOf(ReadQuestion read) => NamedServiceOf(read, _match.Of(read.Whole));

    // As NamedServiceOf(read), the message whole already read for its need and object.
    private AnswerResult? NamedServiceOf(ReadQuestion read, ServiceProfile profile)
    {
        if (System.Numerics.BitOperations.PopCount(profile.Needs) != 1 || profile.Objects.Count != 1) return null;
        var named = _analysis.AnalyzeNormalized(string.Join(' ', _match.NamingWordsOf(read.Whole)));
        if (named.IsEmpty) return null;
        var ranked = Rank(named, read.Message);
        if (ranked.Count < 2 || !_match.NamesNeedAndObject(profile, ranked[0].Entry) || _match.Disagreement(profile, ranked[0].Entry) is not null)
            return null;
        var confidence = _reranker.Confidence(ranked);
        if (confidence < _options.ClarifyThreshold) return null;
        var candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, ChoicesFrom(candidates), null, ClarifyReply, false);
    }

    // The words naming the message's need and object alone find an entry, sure of it (房产证 补办 for "那个 我家房产证
    // 找不着了 老伴收起来放哪了都不记得 就是要重新补一个 咋补"), and it is the entry the message's words matched best too:
    // two readings that share only the service agree on it, and what keeps the first one's confidence low is the
    // story around it, spoken without a stop. It is answered, the near-miss checks all the same; a named service the
    // message's words put behind another entry stays an offer. The named reading is held to the bar for questions,
    // not the lower ones for long messages: a service named beside someone's own case (本人提交的公积金贷款申请…是否
    // 已审批通过) is named as surely as a service asked for.
    private AnswerResult? AnsweredAsNamed(AnalyzedText analyzed, ReadQuestion read, AnswerResult named, string? first, double confidence,
        List<AnswerCandidate> candidates)
    {
        if (_options.AnswerThreshold > 1 || first is null || named.Candidates[0].Id != first || named.Confidence < _options.AnswerThreshold) return null;
        var agreed = Decide(analyzed, read, Rank(analyzed, read.Message), confidence, candidates, answerBar: 0);
        // Its confidence is the named reading's, the one trusted.
        return agreed is { Decision: AnswerDecision.Answered, Entry: { } entry } && !AsksOfAThingTheEntryNeverSpeaksOf(analyzed, read, entry)
            ? agreed with { Confidence = named.Confidence } : null;
    }

    // The entries for the thing named and the need of replacing it, when replacing what was lost is all the message needs
    // (…房产证找不着了…要补一个) and it does not say a thing is still at hand (回乡证还在): a need no other service shares,
    // and the one a loss told in passing leads to.
    private AnswerResult? ReplacementNamed(ReadQuestion read)
    {
        var profile = _match.Of(read.Whole, out var atHand);
        return _match.NeedsOnlyAReplacement(profile) && atHand.IsEmpty ? NamedServiceOf(read, profile) : null;
    }

    // A question (not a title, a list of keywords or a complaint: those ask nothing in particular) naming a need or an
    // object of a service, that no reading was sure of but whose first reading still reached the topic bar: the entries
    // nearest it are offered as guesses (reason "unsure"); "如果都不是" the citizen rephrases or asks for a person, rather
    // than being told nothing was found. Everyday questions (我家猫不吃饭怎么办) name no service and get none.
    private AnswerResult? GuessesFor(ReadQuestion read, AnalyzedText analyzed, double confidence, List<AnswerCandidate> candidates)
    {
        if (_options.ClarifyThreshold > 1 || candidates.Count < 2) return null;
        if (confidence < _options.TopicClarifyThreshold && !TellsAStory(read)) return null;
        if (IsStatement(analyzed, read)) return null;
        if (_match.Of(read.Whole) == default) return null;
        return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, candidates.Take(ShortList).ToList(), "unsure", GuessReply, false);
    }

    // What a life event told in the message leads to: its service words and the entries for them, best first.
    private sealed record ToldEvent(string ServiceWords, List<ScoredCandidate> Ranked);

    // The life events told in the message (LifeEvents) whose service words find at least two entries, in the order of
    // the events' lines; none twice with the same best entry.
    private List<ToldEvent> LifeEventsTold(ReadQuestion read)
    {
        List<ToldEvent> told = [];
        foreach (var words in LifeEvents.Default.ServicesIn(read.Message))
        {
            var analyzed = _analysis.AnalyzeNormalized(words);
            if (analyzed.IsEmpty) continue;
            var ranked = Rank(analyzed, read.Message);
            if (ranked.Count >= 2 && told.All(t => t.Ranked[0].Entry != ranked[0].Entry)) told.Add(new ToldEvent(words, ranked));
        }
        return told;
    }

    // A message telling a life event whose service's entry is the one its words matched best (…我们结婚两年了，媳妇户口
    // 想迁到我这边来 → 夫妻投靠): read by what it says and by what happened, it points at the same entry. Then a bar as
    // low as clarifying's applies (QaEngineOptions.LifeEventAnswerThreshold), the near-miss checks all the same. Not
    // where nothing was matched (already offered as guesses) or the first reading found a near miss; not for a complaint
    // about a case or a message asking about several services; not where the message names a group of people (外籍配偶,
    // 台湾人) that neither the event nor the entry is about.
    private AnswerResult? AgreedWithALifeEvent(AnalyzedText analyzed, ReadQuestion read, AnswerResult result, List<ToldEvent> told, string? first,
        double confidence, List<AnswerCandidate> candidates)
    {
        if (_options.AnswerThreshold > 1 || first is null || confidence < LifeEventBar || read.SeveralServices) return null;
        // Two questions and two events (退休手续怎么办？退休后公积金怎么取？): which event the main question tells is not known.
        if (read.Questions.Count > 1 && told.Count > 1) return null;
        if (told.Find(t => t.Ranked[0].Entry.Entry.Id == first) is not { } agreeing) return null;
        if (result is not ({ Decision: AnswerDecision.Clarify, Reason: null } or { Decision: AnswerDecision.NoAnswer, Reason: "lowConfidence" })) return null;
        if (IsStatement(analyzed, read) && CaseMarkers.IsComplaint(analyzed.Normalized)) return null;
        var groups = Identities.GroupsNamedIn(read.Message) & ~Identities.GroupsNamedIn(agreeing.ServiceWords) & ~GroupsMarking(agreeing.Ranked[0].Entry);
        if (groups != 0) return null;
        var agreed = Decide(analyzed, read, Rank(analyzed, read.Message), confidence, candidates, LifeEventBar);
        return agreed is { Decision: AnswerDecision.Answered, Entry: { } entry } && !AsksOfAThingTheEntryNeverSpeaksOf(analyzed, read, entry) ? agreed : null;
    }

    // The entries for the services the life events told lead to (the best of each), added to the choices offered (the
    // last ones' places taken when they are full: what the words matched best stays first), or offered with the nearest
    // entries to the first of them as guesses where nothing was offered; null when they are all offered already.
    private AnswerResult? LifeEventOffer(AnswerResult result, List<ToldEvent> told)
    {
        var tops = told.Select(t => ToCandidate(t.Ranked[0])).ToList();
        if (result.Decision == AnswerDecision.Clarify)
        {
            var missing = tops.Where(t => result.Choices.All(c => c.Id != t.Id)).Take(MostChoices - 1).ToList();
            return missing.Count == 0 ? null
                : result with { Choices = [.. result.Choices.Take(Math.Max(1, MostChoices - missing.Count)), .. missing] };
        }
        var candidates = told[0].Ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        List<AnswerCandidate> guesses = [.. tops.Take(ShortList), .. candidates.Where(c => tops.All(t => t.Id != c.Id))];
        return new AnswerResult(AnswerDecision.Clarify, null, result.Confidence, candidates, guesses.Take(ShortList).ToList(), "unsure", GuessReply, false);
    }

    // A long message asking a question (a story around it): its words spread over many entries, so even the weakest
    // lead is worth offering as guesses.
    private static bool TellsAStory(ReadQuestion read) => read.Asked && CompactLength(read.Whole) > StoryLength;

    private const int StoryLength = 40;

    // The length of a reading without its spaces.
    private static int CompactLength(string reading)
    {
        var length = 0;
        foreach (var c in reading) if (c != ' ') length++;
        return length;
    }

    // The most entries a clarification offers (QaEngineOptions.MaxClarifyChoices, 2 to 5), and a short list the citizen
    // can read: three, unless the options allow fewer. An offer from the window holds at least the short list; an offer
    // of a weak confidence (the entries of the object named, the guesses) at most.
    private int MostChoices => Math.Clamp(_options.MaxClarifyChoices, 2, 5);
    private int ShortList => Math.Min(3, MostChoices);

    // The choices offered from candidates: those within the clarify window of the first, that one first, and at least
    // the nearest few: an unsure match or a near miss is offered with the entries nearest it, the one the citizen means
    // often the third, a score just out of the window.
    private List<AnswerCandidate> ChoicesFrom(IReadOnlyList<AnswerCandidate> candidates)
    {
        var floor = candidates[0].Score - _options.ClarifyScoreWindow;
        var choices = candidates.Where(c => c.Score >= floor).Take(MostChoices).ToList();
        return choices.Count >= ShortList ? choices : candidates.Take(ShortList).ToList();
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
            var ranked = Rank(analyzed, read.Message);
            if (ranked.Count == 0 || _reranker.Confidence(ranked) < _options.ClarifyThreshold) continue;
            var best = ToCandidate(ranked[0]);
            if (others.All(o => o.Id != best.Id)) others.Add(best);
        }
        return others;
    }
}
