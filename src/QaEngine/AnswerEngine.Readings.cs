using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine;

// The other readings of a message (its question alone or whole, the clauses naming a service, the need and object it
// names) and the other questions it asks.
public sealed partial class AnswerEngine
{
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
}
