using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Indexing;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine;

// The decision on one reading: the bars to answer outright, the near misses that hold an answer back, the offers made
// instead.
public sealed partial class AnswerEngine
{
    private AnswerResult Decide(AnalyzedText question, bool statement, ServiceProfile profile, List<ScoredCandidate> ranked, double confidence, List<AnswerCandidate> candidates, bool bareTopic,
        string message, double? answerBar = null, string? asking = null)
    {
        if (ranked.Count == 0)
            return NoAnswer("noMatch", NoAnswerReply, 0, candidates);
        if (PromoteTheEntryThatAgrees(question, profile, ranked, message))
            candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        string? nearMiss = null;
        // A title or statement naming a need and an object is held to the same bar as a question, unless it complains
        // about a case.
        var complaint = statement && CaseMarkers.IsComplaint(question.Normalized);
        // A bare name ("公积金") is offered the entries about it; a name with its need that the best entry's own question
        // asks exactly ("户口迁出", "死亡销户") is answered like any question.
        var offerEntries = bareTopic && ranked.Count >= 2 && (profile.Needs == 0 || _match.StandardOf(ranked[0].Entry) != profile);
        if (confidence >= (answerBar ?? AnswerBar(complaint, profile, ranked, confidence, question, message)) && !offerEntries)
        {
            nearMiss = _match.Disagreement(profile, ranked[0].Entry) ?? (SharesTopicWord(question, ranked[0].Entry) ? null : "word")
                ?? (LeavesWordUnused(question, ranked[0].Entry, confidence) ? "word" : null)
                ?? (NamesAnObjectTheEntryLacks(question, profile, ranked[0].Entry) ? "object" : null)
                ?? (asking is not null && _match.AsksOfAnotherOfTheFamily(asking, ranked[0].Entry) ? "object" : null)
                ?? (_match.NamesASchemeNeverSpokenOf(profile, ranked[0].Entry) ? "object" : null)
                ?? (_match.NamesALoneObjectNeverSpokenOf(profile, question.Normalized, ranked[0].Entry) ? "object" : null)
                ?? (_match.PlacesTheCitizenWhereTheEntryIsNot(message, ranked[0].Entry) ? "object" : null)
                ?? (_match.TellsOfADeathTheEntryIsNotAbout(message, ranked[0].Entry) ? "object" : null)
                ?? (NamesOnlyAKindOfThing(question, profile, ranked[0].Entry) ? "object" : null)
                ?? (question.Compact.Length <= ShortQuestion && HasGenericTwin(profile, ranked) ? "need" : null)
                ?? (AParticularCaseOfABareQuestion(question, message, profile, ranked) ? "need" : null)
                ?? (statement && CaseMarkers.IsLocalCase(question.Normalized) ? "localCase" : null)
                ?? (statement && NamesOnlyASharedService(question, profile, ranked) ? "topic" : null)
                ?? (ForAGroupNotNamed(ranked[0].Entry) ? "identity" : null)
                ?? (Identities.NamesAnotherAge(ranked[0].Entry.Phrasings[0].Normalized, message) ? "identity" : null)
                ?? (_match.SpeaksForAResidentTheEntryIsNotFor(message, ranked[0].Entry) ? "identity" : null)
                ?? (_match.SpeaksForAForeignerTheEntryIsNotFor(message, ranked[0].Entry) ? "identity" : null)
                ?? (Negations.DeniesWhatTheEntryIsAbout(ranked[0].Entry.Phrasings[0].Normalized, message) ? "identity" : null)
                ?? (Directions.Reverses(ranked[0].Entry.Phrasings[0].Normalized, message) ? "direction" : null)
                ?? (_match.IsAboutADeathTheMessageDoesNotTell(message, ranked[0].Entry) ? "object" : null)
                ?? (_match.AssumesWhatTheMessageDoesNotTell(message, ranked[0].Entry) ? "need" : null)
                ?? (_match.TellsOfARefusalTheEntryIsNotAbout(message, ranked[0].Entry) ? "need" : null)
                ?? (_match.GuessesAThingAndMissesTheOneNamed(profile, question.Normalized, message, ranked[0].Entry) ? "object" : null)
                ?? (_match.TellsOfAnExpiryTheEntryIsNotAbout(question.Normalized, ranked[0].Entry) ? "need" : null);
            if (nearMiss is null)
            {
                // The usual service may have been put before the best entry by words (AParticularCaseOfABareQuestion).
                if (candidates.Count > 0 && candidates[0].Id != ranked[0].Entry.Entry.Id)
                    candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
                return new AnswerResult(AnswerDecision.Answered, ranked[0].Entry.Entry, confidence, candidates, [], null, null, false);
            }
            candidates = ranked.Take(_options.MaxCandidates).Select(ToCandidate).ToList();
        }
        // Below the clarify bar, an entry for a group not named still first (its lead cut by the ranking, but no entry for
        // everyone close): the citizen is offered it with the entries after it, rather than nothing ("户口迁移到县城的流程"
        // against 大学毕业后户口放在学校的怎么迁出来).
        if (nearMiss is null && _options.ClarifyThreshold <= 1 && confidence < _options.ClarifyThreshold && confidence >= _options.TopicClarifyThreshold
            && ranked.Count >= 2 && ForAGroupNotNamed(ranked[0].Entry))
        {
            return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, ChoicesFrom(candidates), "identity", ClarifyReply, false);
        }
        if (confidence >= _options.ClarifyThreshold)
        {
            // A title naming a service several entries are about is offered those entries, none only for a group it does
            // not name (港澳台居民…公积金 for "住房公积金 贷款"); otherwise the entries nearest the top.
            var choices = nearMiss == "topic"
                ? ranked.Take(_options.MaxCandidates).Where(c => _match.NamesNeedAndObject(profile, c.Entry) && !ForAGroupNotNamed(c.Entry))
                    .Take(MostChoices).Select(ToCandidate).ToList()
                : ChoicesFrom(candidates);
            if (choices.Count < 2 && candidates.Count >= 2) choices = candidates.Take(2).ToList();
            if (choices.Count >= 2)
                return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, UsualFirst(question, message, profile, ranked, choices), nearMiss, ClarifyReply, false);
            return NoAnswer("lowConfidence", NoAnswerReply, confidence, candidates);
        }
        // Above one, clarifying is switched off altogether (by topic too).
        if (_options.ClarifyThreshold <= 1 && confidence >= _options.TopicClarifyThreshold && !profile.Objects.IsEmpty)
        {
            // The object is clear (身份证, 公积金), what is needed of it is not: the entries about that object are offered.
            var onTopic = ranked.Take(_options.MaxCandidates).Where(c => _match.NamesObject(profile, c.Entry))
                .Take(ShortList).Select(ToCandidate).ToList();
            if (onTopic.Count >= 2)
                return new AnswerResult(AnswerDecision.Clarify, null, confidence, candidates, UsualFirst(question, message, profile, ranked, onTopic), "topic", ClarifyReply, false);
        }
        return NoAnswer("lowConfidence", NoAnswerReply, confidence, candidates);

        // An entry only for a group (港澳台 residents, foreigners …) that neither the message nor the reading names.
        bool ForAGroupNotNamed(IndexedEntry e) => IsForAGroupNotNamed(e, GroupsNamed(message, question.Normalized));
    }

    // "护照补办要准备什么材料": the words of the aspect (需要什么材料) rank 第一次办护照需要什么材料 first, which is about another
    // need. When the best entry disagrees with the need or object named, the entry that names both and disagrees with
    // nothing goes first: the one close rival that does, or else the best entry for the question's topic words alone
    // (护照 补办 → 护照丢了怎么补发). Never one about another kind of what the citizen named (职工医保 for 居民医保).
    private bool PromoteTheEntryThatAgrees(AnalyzedText question, ServiceProfile profile, List<ScoredCandidate> ranked, string message)
    {
        if (profile.Needs == 0 || profile.Objects.IsEmpty || _match.Disagreement(profile, ranked[0].Entry) is null) return false;
        var agreeing = -1;
        for (int i = 1, rivals = CloseRivals(ranked); i <= rivals; i++)
        {
            if (!Agrees(ranked[i])) continue;
            if (agreeing >= 0) return false;
            agreeing = i;
        }
        if (agreeing < 0)
        {
            var topic = FollowUps.TopicOf(question);
            if (topic.Length == 0 || topic.Replace(" ", "", StringComparison.Ordinal) == question.Compact) return false;
            var byTopic = Rank(_analysis.AnalyzeNormalized(topic), message);
            if (byTopic.Count == 0 || !Agrees(byTopic[0])) return false;
            agreeing = ranked.FindIndex(c => c.Entry.Entry.Id == byTopic[0].Entry.Entry.Id);
            if (agreeing < 0)
            {
                ranked.Insert(0, byTopic[0]);
                return true;
            }
        }
        MoveToFront(ranked, agreeing);
        return true;

        bool Agrees(ScoredCandidate c) => _match.NamesNeedAndObject(profile, c.Entry) && _match.Disagreement(profile, c.Entry) is null
            && !Identities.NamesAnotherKind(c.Entry.Phrasings[0].Normalized, question.Normalized);
    }

    // A title or a list of keywords asks nothing in particular: "咨询A市住房公积金贷款问题" names a need (贷款) and an object
    // (公积金) that several entries close to the top are about (its conditions, a loan for a house back home, a combined
    // loan). When no word of the title tells the best of them from such a rival, the citizen is offered them rather than
    // answered with one; "驾照 非发证地 期满换证" (非发证地) or "咨询L市公积金提前还款问题" (提前还款) says which one.
    private bool NamesOnlyASharedService(AnalyzedText question, ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        var top = ranked[0].Entry;
        if (!_match.NamesNeedAndObject(profile, top)) return false;
        for (int i = 1, rivals = CloseRivals(ranked); i <= rivals; i++)
            if (_match.NamesNeedAndObject(profile, ranked[i].Entry) && !TellsApart(ranked[i].Entry)) return true;
        return false;

        // A word of the title (not an aspect or function word) among the best entry's questions and not the rival's.
        bool TellsApart(IndexedEntry rival)
        {
            foreach (var w in question.Words)
            {
                if (w.Length < 2 || FollowUps.IsAspectWord(w) || _analysis.Lexicon.IsFunctionWord(w)) continue;
                if (Array.IndexOf(top.AllPhrasingWords, w) >= 0 && Array.IndexOf(rival.AllPhrasingWords, w) < 0) return true;
            }
            return false;
        }
    }

    // The rivals looked at when the best entry alone names what is asked: the next few entries close behind it.
    private const int AgreementRivals = 4;
    private const double AgreementRivalWindow = 0.5;

    // How many entries after the best one are its close rivals: within the window of its score, at most AgreementRivals.
    private static int CloseRivals(List<ScoredCandidate> ranked)
    {
        var floor = ranked[0].Score - AgreementRivalWindow;
        var rivals = 0;
        while (rivals < AgreementRivals && rivals + 1 < ranked.Count && ranked[rivals + 1].Score >= floor) rivals++;
        return rivals;
    }

    // The confidence needed to answer outright. A message (not a complaint about a case: "投诉…拖欠…" names the
    // service it complains of, not what it asks) that names a need and an object, answered by the one entry close to
    // the top whose questions name both, needs less: long, polite and spoken messages score low on word overlap while
    // saying exactly what they need ("…护照不见了…应该怎么补办？", "护照 办理进度 查询"). So does one naming a need
    // whose object goes without saying (户口…迁出, 慢病…认定), answered by the one entry naming that need and no object;
    // and one asking for a service by its name alone, answered by the usual service (申领居住证要准备哪些资料 → 居住证怎么申领).
    private double AnswerBar(bool complaint, ServiceProfile profile, List<ScoredCandidate> ranked, double confidence, AnalyzedText question, string message)
    {
        var bar = BarForLength(question.Compact);
        // Above one, answering is switched off altogether (the lowered bar too).
        if (complaint || _options.AnswerThreshold > 1 || confidence >= bar || confidence < _options.AgreedAnswerThreshold)
            return bar;
        if (TheUsualServiceAskedByName(question, message, profile, ranked)) return _options.AgreedAnswerThreshold;
        if (TheOneEntryOfAThingAskedByName(question, message, profile, ranked)) return _options.AgreedAnswerThreshold;
        if (!_match.NamesNeedAndObject(profile, ranked[0].Entry)) return bar;
        for (int i = 1, rivals = CloseRivals(ranked); i <= rivals; i++)
            if (_match.NamesNeedAndObject(profile, ranked[i].Entry)) return bar;
        return _options.AgreedAnswerThreshold;
    }

    // A long reading (the text matched: a letter's subject and question, a story; its compact form, without spaces) is
    // held to the lower bar.
    private double BarForLength(string compactReading) =>
        _options.AnswerThreshold <= 1 && compactReading.Length > _options.LongMessageLength
            ? Math.Min(_options.LongMessageAnswerThreshold, _options.AnswerThreshold)
            : _options.AnswerThreshold;

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
            // 教师, 职工 of 事业单位职工 tell who asks, 返乡, 原籍 where they go back to.
            if (SaysNothingOfWhat(w) || AskerCircumstances.Contains(w)) continue;
            // 重庆 tells where the citizen is, unless the bank asks about it (台湾).
            if (_analysis.Lexicon.CircumstanceWords.Contains(w) && !_index.Bank.Words.Contains(w)) continue;
            if (Array.IndexOf(entry.AllPhrasingWords, w) >= 0 || Array.IndexOf(entry.AnswerWords, w) >= 0) continue;
            // Inside one of the entry's questions that jieba cut another way (车开 of 老车开了20年).
            if (InAPhrasing(entry, w)) continue;
            // Characters jieba's HMM joined into a word no dictionary knows, each of which the entry's questions use: a cut
            // of what the entry says across a boundary or a miswriting (办本 of 想办本护照, 民证局 for 民政局), not a new thing.
            if (!_analysis.Lexicon.IsDictionaryWord(w) && w.All(c => InAPhrasing(entry, c.ToString()))) continue;
            // A need or thing the lexicon reads in it that the entry's questions name too (掰断 of 坏了, 改正 of 更正).
            if (_match.SpeaksOf(entry, w)) continue;
            // 名簿 of 户口名簿 is a piece search mode cut out of a word the synonyms read whole (户口本).
            synonymParts ??= _analysis.Lexicon.PartsOfSynonyms(question.Normalized);
            if (!synonymParts.Contains(w)) return true;
        }
        return false;
    }

    // "公司想改名字怎么办" against 成年人想改名字怎么办: the same need of another object, which the entry never speaks of in
    // its questions or its answer. In a message that is not long the objects it names are what it asks about; a long one
    // names them as circumstances too (在公司上班…).
    private bool NamesAnObjectTheEntryLacks(AnalyzedText question, ServiceProfile profile, IndexedEntry entry) =>
        question.Compact.Length <= _options.LongMessageLength && _match.NamesAnObjectNeverSpokenOf(profile, entry)
        && !_match.NamesOnlyWhoAsksBesideWhatItSpeaksOf(profile, entry);

    // "卡丢了怎么办", "证件丢了怎么办", "要交多少钱": a short question naming no object, only a kind of thing (卡, 证件, 证)
    // or none at all, is not answered with an entry about one particular object (社保卡丢了, 结婚证丢了, 身份证收费): which
    // card or fee it means is the citizen's to say.
    private bool NamesOnlyAKindOfThing(AnalyzedText question, ServiceProfile profile, IndexedEntry entry)
    {
        if (!profile.Objects.IsEmpty || question.Compact.Length > LongestKindOfThingQuestion || _match.StandardOf(entry).Objects.IsEmpty) return false;
        foreach (var w in question.Words)
        {
            if (FollowUps.IsAspectWord(w) || SaysNothingOfWhat(w)) continue;
            // 丢了, 交多少: what happened or what is needed, not of what.
            if (_match.Of(w).Needs != 0) continue;
            if (!_match.IsGenericName(w)) return false;
        }
        return true;
    }

    // Longest such a question is (without spaces): "证件丢了要去哪里补办".
    private const int LongestKindOfThingQuestion = 12;

    // 一直, 今年, 不能, 能换 ask nothing, 在哪儿, 啥子 only ask, 咋个 tells how the citizen speaks.
    private bool SaysNothingOfWhat(string word) =>
        _analysis.Lexicon.IsFunctionWord(word) || Interrogatives.Asks(word) || PlainWords.Contains(word);

    private static bool InAPhrasing(IndexedEntry entry, string word)
    {
        foreach (var p in entry.Phrasings)
            if (p.Compact.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    // A question this short that names an object and no need ("居住证怎么办", "护照咋弄") asks for the usual service;
    // a longer one usually says what it needs in words no lexicon lists.
    private const int ShortQuestion = 8;

    // "居住证怎么办" names no need: when an entry about the usual service of that object is close behind one about a
    // particular need (签注), the citizen is asked which one is meant.
    private bool HasGenericTwin(ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        var usual = LeastParticular(ranked, 1, e => _match.PrefersGeneric(profile, ranked[0].Entry, e), out _);
        if (usual < 0) return false;
        // Offer the usual service first, then the particular one the words matched best.
        MoveToFront(ranked, usual);
        return true;
    }

    // "可以办居住证吗" asks for the usual service by name: an entry about a particular case of it (小孩能办居住证吗) is not
    // answered outright. When a close rival asks the same of the same service naming fewer circumstances, it goes first:
    // answered when it names none and is the only one, offered first otherwise; when all of them name some (租房 or 买房
    // 提取公积金), the citizen is asked which.
    private bool AParticularCaseOfABareQuestion(AnalyzedText question, string message, ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        if (profile.Objects.IsEmpty || !AsksOnlyByName(question, message)) return false;
        // An entry whose own question names another need or thing (电子身份证 for 身份证) is as particular as one circumstance.
        var top = _usual.Particulars(ranked[0].Entry) + (_match.StandardOf(ranked[0].Entry) == profile ? 0 : 1);
        if (top == 0) return false;
        var usual = LeastParticular(ranked, 1, e => _match.StandardOf(e) == profile, out var fewest);
        if (usual < 0) return false;
        if (fewest < top) MoveToFront(ranked, usual);
        // The rival is the usual service itself (its own question names nothing but the service and need asked) and no
        // other is: it is the answer (可以办居住证吗 → 居住证怎么申领).
        return fewest != 0 || !_match.Agrees(profile, ranked[0].Entry) || LeastParticular(ranked, 1, e => IsTheUsualService(e, profile), out _) >= 0;
    }

    // The entry's own question asks exactly the need and objects of the profile and names no circumstance.
    private bool IsTheUsualService(IndexedEntry entry, ServiceProfile profile) => _match.StandardOf(entry) == profile && _usual.Particulars(entry) == 0;

    // A short question naming only a service (and its need by name) and how it asks, whose best entry is the usual
    // service: its own question asks exactly that need of that object and names no circumstance, and no close rival
    // does the same (居住证怎么申领 for "申领居住证要准备哪些资料"; 身份证丢了怎么补办 for "身份证怎么补办").
    private bool TheUsualServiceAskedByName(AnalyzedText question, string message, ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        if (profile.Objects.IsEmpty || !AsksOnlyByName(question, message)) return false;
        if (!IsTheUsualService(ranked[0].Entry, profile)) return false;
        for (int i = 1, rivals = CloseRivals(ranked); i <= rivals; i++)
            if (IsTheUsualService(ranked[i].Entry, profile)) return false;
        return true;
    }

    // A short question naming a thing and no need ("独生子女证怎么办理") whose best entry is the one candidate whose own
    // question is about that thing: what the bank says of it is that entry.
    private bool TheOneEntryOfAThingAskedByName(AnalyzedText question, string message, ServiceProfile profile, List<ScoredCandidate> ranked)
    {
        if (profile.Needs != 0 || profile.Objects.IsEmpty || !AsksOnlyByName(question, message)) return false;
        if (_match.StandardOf(ranked[0].Entry).Objects != profile.Objects || _usual.Particulars(ranked[0].Entry) != 0) return false;
        for (var i = 1; i < Math.Min(ranked.Count, _options.MaxCandidates); i++)
            if (!(_match.StandardOf(ranked[i].Entry).Objects & profile.Objects).IsEmpty) return false;
        return true;
    }

    // A question asking for a service by name ("护照怎么办理") is offered the usual service first among its choices: the
    // one of the candidates asking exactly that of the service that names the fewest circumstances (第一次办护照, not
    // 未成年人办护照).
    private List<AnswerCandidate> UsualFirst(AnalyzedText question, string message, ServiceProfile profile, List<ScoredCandidate> ranked, List<AnswerCandidate> choices)
    {
        if (profile.Objects.IsEmpty || !AsksOnlyByName(question, message)) return choices;
        var usual = LeastParticular(ranked, 0, e => _match.StandardOf(e) == profile, out _);
        if (usual < 0 || choices[0].Id == ranked[usual].Entry.Entry.Id) return choices;
        var first = choices.FirstOrDefault(c => c.Id == ranked[usual].Entry.Entry.Id);
        // Not among the choices (想办居住证: the words matched 小孩能办居住证吗 and its like best): it takes the last one's place.
        if (first is null) return [ToCandidate(ranked[usual]), .. choices.Take(choices.Count - 1)];
        return [first, .. choices.Where(c => c != first)];
    }

    // The reading names the service alone, and the message is short: a long one tells the citizen's case around it.
    private bool AsksOnlyByName(AnalyzedText question, string message) =>
        message.Count(c => !char.IsWhiteSpace(c)) <= _options.LongMessageLength && _usual.AsksOnlyByName(question.Normalized);

    // Of the entries near the top from the one at `from` (1: the best entry's close rivals) that qualify, the one whose
    // own question names the fewest circumstances (居住证怎么申领 before 租房办居住证需要房东提供什么); -1 when none qualifies.
    private int LeastParticular(List<ScoredCandidate> ranked, int from, Func<IndexedEntry, bool> qualifies, out int fewest)
    {
        var best = -1;
        fewest = int.MaxValue;
        for (var i = from; i < Math.Min(ranked.Count, _options.MaxCandidates); i++)
        {
            if (!qualifies(ranked[i].Entry)) continue;
            var n = _usual.Particulars(ranked[i].Entry);
            if (n < fewest) (best, fewest) = (i, n);
        }
        return best;
    }

    private static void MoveToFront(List<ScoredCandidate> ranked, int index)
    {
        var moved = ranked[index];
        ranked.RemoveAt(index);
        ranked.Insert(0, moved);
    }

    // At least one word of the question (not an aspect or question word) must be a word of the entry's questions:
    // "附近有什么好吃的" shares only characters with "社区老年食堂怎么吃饭".
    private static bool SharesTopicWord(AnalyzedText question, IndexedEntry entry)
    {
        foreach (var w in question.Words)
            if (w.Length >= 2 && !FollowUps.IsAspectWord(w) && Array.IndexOf(entry.AllPhrasingWords, w) >= 0) return true;
        return false;
    }
}
