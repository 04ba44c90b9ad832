using System.Text;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Text;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Reads a citizen's message the way a person at the counter would before looking anything up: splits it into
/// clauses, sets aside greetings, thanks, letter framing and places, keeps the clause(s) that ask something (with
/// the circumstance right before them when the message is long), tells several questions apart, and notices a
/// question about the citizen's own case. Rules, not fitted weights: they must hold for voices nobody tuned on.
/// </summary>
public sealed class QuestionReader(TextNormalizer normalizer, RegionNames regions, ServiceLexicon lexicon, Homophones homophones)
{
    /// <summary>Messages up to this many characters (framing removed) are matched whole: there is nothing to trim.</summary>
    public const int ShortMessage = 30;

    /// <summary>The reader over the default normaliser and place names.</summary>
    public static QuestionReader Default { get; } = new(TextNormalizer.Default, RegionNames.Default, ServiceLexicon.Default, Homophones.Default);

    /// <summary>Reads <paramref name="text"/> (raw, personal identifiers already removed).</summary>
    public ReadQuestion Read(string text)
    {
        string? region = null;
        var clauses = new List<Clause>();
        foreach (var (raw, asked) in Split(PausesMarked(text)))
        {
            var (rest, found) = regions.Remove(homophones.Repair(normalizer.Normalize(raw)));
            region ??= found;
            var collapsed = Collapse(rest);
            var stripped = Collapse(MessageScaffolding.Strip(collapsed));
            // 这个证 of "…厂里说有居住证好处多，第一次办这个证要带什么" is the 居住证 named before it.
            if (References.PointsBack(stripped)) stripped = References.Resolve(stripped, DocumentsNamedIn(clauses));
            if (MessageScaffolding.IsClosing(stripped) || ConversationalIntents.SmallTalkOf(stripped) is not null) continue;
            var asks = asked || Interrogatives.Asks(stripped);
            clauses.Add(new Clause(stripped, asks || Interrogatives.AsksForAspect(stripped), Interrogatives.HasTopic(stripped), asks, lexicon.Read(stripped))
                { Subject = MessageScaffolding.IsSubject(collapsed) });
        }
        if (clauses.Count == 0) return new ReadQuestion("", [], region, false, false);
        // A letter that asks nothing in words asks about what it says it is about: "…此前从未办理过居民身份证。关于未成年人首次
        // 申领身份证所需材料、收费及有效期，特此咨询" (not a short title: "关于独生子女，政策" names a policy as a whole).
        if (clauses.Count >= 2 && !clauses.Any(c => c.Asks) && clauses.Sum(c => Compact(c.Text).Length) > ShortMessage)
            for (var i = 0; i < clauses.Count; i++)
                if (clauses[i].Subject) clauses[i] = clauses[i] with { Asks = true };
        // A clause that only ends with an aspect (…的办理流程及所需材料) asks in a letter that asks nothing else; beside a
        // real question it is the story (当时在民政局办的手续, 银行要看婚姻材料 … 离婚证丢了能补办吗).
        if (clauses.Any(c => c.Interrogative))
            for (var i = 0; i < clauses.Count; i++)
                if (clauses[i] is { Asks: true, Interrogative: false }) clauses[i] = clauses[i] with { Asks = false };

        // Aspect-only clauses after a named service ("…怎么补办，要多少钱？") say which part of the answer to show, not
        // which entry: matching on them would pull the question towards whichever entry is about fees.
        // A need asked (…驾驶证不知道放哪了，怎么补办) is no aspect: it says which entry.
        // Nor is a bare "how" (…粘到衣服上了，该怎么去除; …充错了，怎么办): it asks the question the clause before it sets.
        var matched = clauses.Where((c, i) => !(c.Asks && !c.HasTopic && clauses.Take(i).Any(p => p.HasTopic)) || c.Named.Needs != 0
            || !Interrogatives.NamesAnAspect(c.Text)).ToList();
        var whole = string.Join(' ', matched.Select(c => c.Text));
        var questions = Group(clauses);
        // The owner may be named in one clause ("我的身份证号是…") and the status asked in another ("护照什么时候到"); another
        // question the message goes on to ask (…装扶手给不给补贴？另外他的高龄津贴怎么还没发？) does not make the main one a
        // question about the citizen's own case.
        var ownCase = OwnCase.IsAbout(OwnCaseText(clauses, questions)) && !AsksHowItWorksAtTheEnd(clauses);
        if (questions.Count == 0) return new ReadQuestion(whole, [whole], region, ownCase, false);
        // A short message is matched whole (its circumstance — 外地户口, 农村 — often decides the entry); a long one by
        // its main question, so that the narrative around it does not drown the question.
        var several = AboutDifferentServices(questions);
        var core = Compact(whole).Length <= ShortMessage && !several ? whole : questions[0];
        // The clauses outside the main question that name a service, with it; none, and there is no such reading.
        var telling = matched.Where(c => !questions[0].Contains(c.Text, StringComparison.Ordinal) && c.NamesService).ToList();
        var services = telling.Count == 0 ? core
            : string.Join(' ', matched.Where(c => telling.Contains(c) || questions[0].Contains(c.Text, StringComparison.Ordinal)).Select(c => c.Text));
        var asking = clauses.LastOrDefault(c => c.Asks && questions[0].EndsWith(c.Text, StringComparison.Ordinal))?.Text ?? questions[0];
        return new ReadQuestion(core, questions, region, ownCase, true) { Whole = whole, Services = services, SeveralServices = several, Asking = asking };
    }

    // The names of the things the clauses name, in order (居住证, 社保卡): what a pointer (这个证) may point back to.
    private List<string> DocumentsNamedIn(List<Clause> clauses)
    {
        var named = new List<string>();
        foreach (var c in clauses)
            foreach (var w in lexicon.NamingWords(c.Text))
                if (!lexicon.Read(w).Objects.IsEmpty) named.Add(w);
        return named;
    }

    // Interrogative clauses grouped into questions: a clause naming a service starts a question, an aspect-only
    // clause ("需要跑几次", "多久能办好") is left out (it asks about the question before it); a first question without a topic
    // ("这种情况可以办吗") takes the nearest clause before it that names one.
    private List<string> Group(List<Clause> clauses)
    {
        var groups = new List<StringBuilder>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            if (!c.Asks) continue;
            if (c.HasTopic || groups.Count == 0)
            {
                var sb = new StringBuilder();
                if (!c.HasTopic || TakesTheCircumstanceBefore(clauses, i))
                {
                    var told = clauses.Take(i).Where(p => p.HasTopic && !p.Asks).ToList();
                    // A question without a topic takes the nearest clause naming a service (单位拖了我三个月工资没发) before
                    // the nearest saying anything (问了好几次都说没钱).
                    // A question naming a need of nothing (…翻遍屋头都没找到，补一本要登报不) takes the nearest clause naming a thing.
                    var before = !c.HasTopic ? told.LastOrDefault(p => p.NamesService) ?? told.LastOrDefault()
                        : c.Named is { Needs: not 0, Objects.IsEmpty: true } ? told.LastOrDefault(p => !p.Named.Objects.IsEmpty) ?? told.LastOrDefault()
                        : told.LastOrDefault();
                    // A thing the story says is lacking (…想给他也办个居住证，孩子还没身份证，拿什么办) is why the question
                    // is asked, not what it asks for: the clause before it naming a service goes with it.
                    if (!c.HasTopic && before is not null && TellsOfALack(before)
                        && told.Take(told.IndexOf(before)).LastOrDefault(p => p.NamesService && !TellsOfALack(p)) is { } wanted)
                        sb.Append(wanted.Text).Append(' ');
                    if (before is not null) sb.Append(before.Text).Append(' ');
                }
                groups.Add(sb.Append(c.Text));
            }
            // else: an aspect of the question before it, shown from its answer rather than matched.
        }
        return groups.Select(g => g.ToString()).ToList();
    }

    // A clause naming a thing and no need, saying it is not there (孩子还没身份证, 家里没有户口本).
    private static bool TellsOfALack(Clause clause) =>
        clause.Named is { Needs: 0, Objects.IsEmpty: false } && clause.Text.Contains('没', StringComparison.Ordinal);

    // A question takes the circumstance right before it (我是香港人，…能办居住证吗), unless it names its own need and
    // object (…哥哥现在要用证去办补贴手续，残疾证丢了要去哪里补办): then only one saying who asks (台湾同胞在大陆上班) does.
    private bool TakesTheCircumstanceBefore(List<Clause> clauses, int i)
    {
        if (i == 0 || clauses[i - 1].Asks || !clauses[i - 1].HasTopic) return false;
        return clauses[i].Named is not { Needs: not 0, Objects.IsEmpty: false } || Identities.NamesAGroup(clauses[i - 1].Text);
    }

    // "…单位人事说生育津贴要等医保局批下来才发。请问这个津贴是怎么算的，要走什么手续？": the story may tell of the citizen's
    // own case, but the message ends asking how a service works, which the bank answers.
    private static bool AsksHowItWorksAtTheEnd(List<Clause> clauses)
    {
        if (clauses.Count < 2) return false;
        var last = clauses[^1].Text;
        return OwnCase.AsksHowItWorks(last) && !OwnCase.IsAbout(last);
    }

    // Words that open another question of the same message: "另外…", "还有…", "再问下…".
    private static readonly string[] AnotherQuestion = ["另外", "还有", "再问", "顺便", "还想问", "此外", "其次"];

    // The clauses read for the citizen's own case: all of them, but those only of a later question the message opens
    // with 另外, 还有 … (a question of its own, not the main one's status).
    private static string OwnCaseText(List<Clause> clauses, List<string> questions)
    {
        var all = string.Join(' ', clauses.Select(c => c.Text));
        if (questions.Count < 2) return all;
        var another = questions.Skip(1).Where(q => clauses.Any(c => q.EndsWith(c.Text, StringComparison.Ordinal) && OpensAnotherQuestion(c.Text))).ToList();
        if (another.Count == 0) return all;
        return string.Join(' ', clauses.Where(c => questions[0].Contains(c.Text, StringComparison.Ordinal)
            || !another.Any(q => q.Contains(c.Text, StringComparison.Ordinal))).Select(c => c.Text));

        static bool OpensAnotherQuestion(string clause)
        {
            foreach (var w in AnotherQuestion) if (clause.StartsWith(w, StringComparison.Ordinal)) return true;
            return false;
        }
    }

    // "新生儿怎么落户？另外医保怎么办？" asks about two services: matched whole it would fall between them.
    private bool AboutDifferentServices(List<string> questions)
    {
        if (questions.Count < 2) return false;
        var main = lexicon.Read(questions[0]);
        if (main.Needs == 0 && main.Objects.IsEmpty) return false;
        foreach (var q in questions.Skip(1))
        {
            var other = lexicon.Read(q);
            // Two objects decide (身份证 vs 驾驶证, both 补办); without them, nothing in common does.
            if (!main.Objects.IsEmpty && !other.Objects.IsEmpty ? (other.Objects & main.Objects).IsEmpty
                : (other.Needs != 0 || !other.Objects.IsEmpty) && (other.Needs & main.Needs) == 0 && (other.Objects & main.Objects).IsEmpty)
                return true;
        }
        return false;
    }

    private static IEnumerable<(string Text, bool Asked)> Split(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '。' : text[i];
            if (!end && !IsBreak(c)) continue;
            if (i > start) yield return (text[start..i], c is '?' or '？');
            start = i + 1;
        }
    }

    // Voice input has no punctuation mark. Without spaces either, its hesitations (嗯, 那个, 就是) are where the speaker
    // paused; spoken with spaces and long ("我那个社保卡 用了好多年 … 换张新的 要钱吗"), each piece asking only for an
    // aspect stands apart.
    private string PausesMarked(string text)
    {
        foreach (var c in text) if (IsBreak(c) || c == '、') return text;
        if (!text.Contains(' ', StringComparison.Ordinal)) return Fillers.Mark(text);
        return Compact(text).Length > ShortMessage ? AspectPiecesApart(text) : text;
    }

    // In a long spoken message, a piece that only asks for an aspect (要钱吗, 要带什么, 几天能拿) is a clause of its own, as
    // it would be after a comma: it says which part of the answer to show, not which entry. Not in a short list of
    // keywords (法援 带什么 多久批), matched whole like any short message; not a piece naming a need (去哪里补): that is
    // the question. The other pieces stay one clause: where the speaker paused is not where the question's words part
    // (补一个要去哪里 要不要 登报纸啊).
    private string AspectPiecesApart(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var piece in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var apart = Interrogatives.Asks(piece) && !Interrogatives.HasTopic(piece) && Interrogatives.NamesAnAspect(piece) && lexicon.Read(piece).Needs == 0;
            if (sb.Length > 0) sb.Append(apart ? '，' : ' ');
            sb.Append(piece);
            if (apart) sb.Append('，');
        }
        return sb.ToString();
    }

    private static bool IsBreak(char c) => c is '。' or '！' or '!' or '？' or '?' or '；' or ';' or '\n' or '\r' or '，' or ',' or '…' or '～' or '~' or '：' or ':';

    private static string Collapse(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Compact(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    // Asks: a question, by its words or by ending with an aspect; Interrogative: by its words or a question mark.
    // Named: the needs and objects the clause names, read once.
    private sealed record Clause(string Text, bool Asks, bool HasTopic, bool Interrogative, ServiceProfile Named)
    {
        public bool NamesService => Named.Needs != 0 || !Named.Objects.IsEmpty;

        // Said by the letter to be what it is about (关于…, 有关…).
        public bool Subject { get; init; }
    }
}
