using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Whether an entry answers what a question asks: the same need and the same object. "Same object, different
/// need" (居住证 申领 vs 签注) and "same need, different object" (电动自行车 vs 机动车 上牌, 养老院 vs 公司) are near
/// misses — close in words, wrong as an answer — and must not be answered outright.
/// </summary>
public sealed partial class NeedObjectMatch(ServiceLexicon lexicon)
{
    private readonly ConditionalWeakTable<IndexedEntry, EntryProfile> _entries = new();

    /// <summary>The matcher over the default lexicon.</summary>
    public static NeedObjectMatch Default { get; } = new(ServiceLexicon.Default);

    /// <summary>The needs and objects of a question (normalised text).</summary>
    public ServiceProfile Of(string normalizedQuestion) => lexicon.Read(normalizedQuestion);

    /// <summary>The needs and objects of a reading of <paramref name="message"/>, read in the light of the whole message.</summary>
    public ServiceProfile Of(string normalizedReading, string message) => lexicon.Read(normalizedReading, message);

    /// <summary>The words naming the needs and objects of <paramref name="normalizedQuestion"/>, in order.</summary>
    public IReadOnlyList<string> NamingWordsOf(string normalizedQuestion) => lexicon.NamingWords(normalizedQuestion);

    /// <summary>True for a word that says what kind of thing (卡, 证件), not which (see <see cref="ServiceLexicon.IsGenericName"/>).</summary>
    public bool IsGenericName(string word) => lexicon.IsGenericName(word);

    /// <summary>True when <paramref name="entry"/> answers the need and every object of <paramref name="question"/>.</summary>
    public bool Agrees(ServiceProfile question, IndexedEntry entry) => Disagreement(question, entry) is null;

    /// <summary>Null when the entry agrees; otherwise "need" or "object", what differs.</summary>
    public string? Disagreement(ServiceProfile question, IndexedEntry entry)
    {
        var e = _entries.GetValue(entry, Build);
        // Need: a named need must be one the entry is about; no named need means the usual first-time service, which
        // an entry about one particular need (签注, 补办 …) is not.
        if (question.Needs != 0 && e.Phrasings.Needs != 0 && (question.Needs & e.Phrasings.Needs) == 0) return "need";
        // A need the entry never speaks of, in its questions or its answer ("优待证丢了怎么补办" against "优待证怎么办理"
        // whose answer says nothing of a loss), is not answered by it; nor is a question naming two needs (积分落户 and
        // its 复核) by an entry that speaks of only one of them.
        if ((question.Needs & ~e.Everything.Needs) != 0) return "need";
        // Objects: where the question and the entry both name an object of one family, one must be the same.
        foreach (var family in lexicon.Families)
        {
            var q = question.Objects & family;
            if (NameOthersOf(family, question.Objects, e.Phrasings.Objects)) return "object";
            // An object most of the entry's questions name, which the question leaves out while naming another of the family, is
            // what the entry is about: "城乡居民医保住院能报销多少" is not asked of 居民医保 for 生孩子, "临时身份证丢了" not
            // of 忘带身份证 whose every phrasing names the 身份证 alone.
            if (!q.IsEmpty && !(e.Core & family & ~q).IsEmpty) return "object";
        }
        // An object nearly all of the entry's questions name, left out by a question that names objects of its own, is
        // what the entry is about, whatever family those are: "…一直租房子住，办理居住证需要准备哪些材料" is not asked of
        // 持居住证申请公租房, "离职了公司不给开离职证明" not of 公积金 whose every phrasing names it.
        if (!question.Objects.IsEmpty && !(e.StrongCore & ~question.Objects).IsEmpty) return "object";
        return null;
    }

    /// <summary>
    /// True when <paramref name="asking"/> (the clause that asks, normalised) names an object of a family (托育机构 of 机构)
    /// and the entry's questions name another of it and not that one: "获悉民办养老机构可申领运营补贴，托育机构能否申请类似的
    /// 运营补贴" asks about the 托育机构, whatever the clause before it says of 养老机构.
    /// </summary>
    public bool AsksOfAnotherOfTheFamily(string asking, IndexedEntry entry)
    {
        // What is to be brought (换发要带台湾身份证吗) is a paper asked about, not the thing asked of.
        var brought = asking.IndexOf('带', StringComparison.Ordinal);
        var asked = lexicon.Read(brought < 0 ? asking : asking[..brought]).Objects;
        if (asked.IsEmpty) return false;
        var named = _entries.GetValue(entry, Build).Phrasings.Objects;
        foreach (var family in lexicon.Families)
            if (NameOthersOf(family, asked, named)) return true;
        return false;
    }

    // Both name an object of the family, and none the same.
    private static bool NameOthersOf(ObjectSet family, ObjectSet question, ObjectSet entry)
    {
        var q = question & family;
        var en = entry & family;
        return !q.IsEmpty && !en.IsEmpty && (q & en).IsEmpty;
    }

    // The need of replacing what was lost (补办: 丢了, 找不着了, 被偷).
    private readonly ulong _replacing = lexicon.Read("补办").Needs;

    /// <summary>True when the only need named is replacing something lost (补办, told as 丢了, 找不着了 …).</summary>
    public bool NeedsOnlyAReplacement(ServiceProfile question) => question.Needs == _replacing;

    /// <summary>
    /// The needs and objects of a question, with the things it tells are still at hand or found (回乡证还在, 找到了): not
    /// what was lost.
    /// </summary>
    public ServiceProfile Of(string normalizedQuestion, out ObjectSet atHand) => lexicon.Read(normalizedQuestion, out atHand);

    /// <summary>True when the question names an object the entry never speaks of, in its questions or its answer.</summary>
    public bool NamesAnObjectNeverSpokenOf(ServiceProfile question, IndexedEntry entry) =>
        !(question.Objects & ~_entries.GetValue(entry, Build).Everything.Objects).IsEmpty;

    /// <summary>
    /// True when the entry speaks of an object the question names, in its questions or its answer, and every other
    /// object it names that the entry never speaks of is an organisation or a school stage: who asks or where they work
    /// ("个体户车贷结清后车辆解押" is asked of the car by a self-employed owner, not of registering a business).
    /// </summary>
    public bool NamesOnlyWhoAsksBesideWhatItSpeaksOf(ServiceProfile question, IndexedEntry entry) =>
        !(question.Objects & _entries.GetValue(entry, Build).Everything.Objects).IsEmpty && !NamesAThingAskedTheEntryNeverSpeaksOf(question, entry);

    /// <summary>
    /// <see cref="NamesAnObjectNeverSpokenOf"/>, leaving aside the organisations and school stages (公司, 小学) a story
    /// names as where someone works or studies even in its question ("被公司调到重庆分公司…中途转学需要走什么流程").
    /// </summary>
    public bool NamesAThingAskedTheEntryNeverSpeaksOf(ServiceProfile question, IndexedEntry entry) =>
        NamesAnObjectNeverSpokenOf(question with { Objects = question.Objects & ~_workplacesAndSchools }, entry);

    /// <summary>
    /// <see cref="NamesAnObjectNeverSpokenOf"/> for the schemes a citizen pays into (养老保险, 医保, 工伤, 公积金 …) alone, which
    /// a message of any length names as what it asks about: "我换了手机号 公积金那边 收不到短信了 要咋改" is not asked of
    /// the driving licence's phone number. Other objects a long message names are mostly its circumstances.
    /// </summary>
    public bool NamesASchemeNeverSpokenOf(ServiceProfile question, IndexedEntry entry) =>
        NamesAnObjectNeverSpokenOf(question with { Objects = question.Objects & _schemes }, entry);

    /// <summary>
    /// <see cref="NamesAnObjectNeverSpokenOf"/> for the objects of no family (宅基地, 疫苗, 药店, 互联网医院 …), which
    /// <paramref name="reading"/> (normalised) names, at any length, as what it asks about, unless in a clause saying when
    /// (办车贷时…, 买房的时候…): "听说本市65岁以上老人打流感疫苗免费 去哪里打" is not asked of the free health check.
    /// The objects of a family (证件, 机构, 假期 …) a long message names are mostly its circumstances.
    /// </summary>
    public bool NamesALoneObjectNeverSpokenOf(ServiceProfile question, string reading, IndexedEntry entry)
    {
        var lone = question with { Objects = question.Objects & ~_inFamilies };
        if (!NamesAnObjectNeverSpokenOf(lone, entry)) return false;
        var outsideWhen = NamedOutsideWhen(reading);
        return NamesAnObjectNeverSpokenOf(lone with { Objects = lone.Objects & outsideWhen }, entry);
    }

    /// <summary>
    /// True when <paramref name="message"/> (normalised) names none of the things the entry's own question is about, and what
    /// is asked of names a thing the entry never speaks of: the words matched the entry by guess ("…刷他们的医保卡开药，想反映，
    /// 该找哪里" is no complaint of wages owed). What is asked of is the things <paramref name="reading"/> names, or for a
    /// bare question (该怎么处理) those the story names; not in a clause saying when, nor workplaces and schools.
    /// </summary>
    public bool GuessesAThingAndMissesTheOneNamed(ServiceProfile question, string reading, string message, IndexedEntry entry)
    {
        var own = _entries.GetValue(entry, Build).Standard.Objects;
        if (own.IsEmpty) return false;
        if (!(lexicon.Read(message).Objects & own).IsEmpty) return false;
        // A bare question (该怎么处理, 该找哪里) asks of what the story named.
        var told = question.Objects.IsEmpty ? message : reading;
        var asked = NamedOutsideWhen(told) & ~_workplacesAndSchools;
        if (!question.Objects.IsEmpty) asked &= question.Objects;
        return NamesAnObjectNeverSpokenOf(question with { Objects = asked }, entry);
    }

    private readonly ObjectSet _inFamilies = lexicon.Families.Aggregate(ObjectSet.Empty, (all, family) => all | family);

    // A clause ending in 时, 的时候 or 之时 (办车贷时, 买房的时候), up to ten characters; not 临时, 及时, 同时, 小时 … nor 时间,
    // 时候 standing alone.
    [GeneratedRegex(@"[^\s，,。；;？?！!]{1,10}?(?:的时候|之时|(?<![临及同小当平暂随按准届那有何定超过实计适])时(?![间候刻期代效]))")]
    private static partial Regex TimeClause();

    // The objects the text names outside a clause saying when.
    private ObjectSet NamedOutsideWhen(string text) => lexicon.Read(TimeClause().Replace(text, " ")).Objects;

    // The schemes a citizen pays into; not the events a scheme pays for (生孩子, 工亡), which a story tells.
    private const string SchemeNames = "养老保险 医疗保险 失业保险 工伤 学平险 公积金 年金";

    private readonly ObjectSet _schemes = lexicon.Read(SchemeNames).Objects;

    private readonly ObjectSet _workplacesAndSchools = lexicon.Family("机构") | lexicon.Family("学段");

    /// <summary>
    /// True when <paramref name="message"/> (normalised) says the citizen is somewhere the entry never speaks of, in its
    /// questions or its answer: "我在德国读博士…护照快到期了，怎么换发" is not answered by how passports are renewed at home.
    /// </summary>
    public bool PlacesTheCitizenWhereTheEntryIsNot(string message, IndexedEntry entry)
    {
        var places = lexicon.Read(message).Objects & _places;
        if (places.IsEmpty) return false;
        var e = _entries.GetValue(entry, Build);
        // 定居国外后…, 国外留学回来…: the entry speaks of life abroad in words that place no one.
        return !(places & ~e.Everything.Objects).IsEmpty && !e.SpeaksOfAbroad;
    }

    /// <summary>
    /// True when <paramref name="message"/> (normalised) says the citizen is a resident of Hong Kong, Macao or Taiwan and
    /// the entry never speaks of them (nor of life abroad), in its questions or its answer, and is about a document (证件)
    /// or a benefit, aid or service of the mainland (创业补贴, 法律援助, 康复救助): "本人是香港居民…可以在内地申请残疾人证吗" is
    /// not answered by how a mainland resident applies where the 户口 is. A system they join like anyone working here
    /// (社保 and its card, 公积金, 个税), which the entry's questions name and the message speaks of, is theirs too: its
    /// entries are not held back. A benefit one of whose questions names such a system in passing (育儿补贴要交个税吗) is not.
    /// </summary>
    public bool SpeaksForAResidentTheEntryIsNotFor(string message, IndexedEntry entry)
    {
        if (!Identities.NamesAHongKongMacaoOrTaiwanResident(message)) return false;
        // "我是香港人，妈妈户籍在广州…想申请入住公办养老院": the one served has a 户口 here; the asker is not who it is for.
        if (WordLists.AnyIn(message, MainlandHukou)) return false;
        var e = _entries.GetValue(entry, Build);
        return !e.SpeaksOfAbroad && (!(e.Standard.Objects & _documents).IsEmpty || (e.Phrasings.Objects & _joinedByAnyone).IsEmpty
            || !WordLists.AnyIn(message, JoinedSystemWords));
    }

    // Words telling that someone the message speaks of has a 户口 in the mainland.
    private static readonly string[] MainlandHukou = ["户籍在", "户口在", "本地户口", "户口都在", "户籍地在"];

    // How citizens speak of a system they joined (交了社保, 参保, 个税): the schemes themselves and the words for all of them.
    private static readonly string[] JoinedSystemWords = [.. SchemeNames.Split(' '), "社保", "社会保险", "参保", "医保", "个税", "个人所得税"];

    // The schemes and cards of a system anyone working here joins, and the income tax anyone earning here pays.
    private readonly ObjectSet _joinedByAnyone = lexicon.Read(SchemeNames + " 社保 社保卡 医保卡 银行卡 个税").Objects;

    /// <summary>
    /// True when <paramref name="message"/> (normalised) names a foreign national and the entry never speaks of foreigners
    /// or of a marriage or life across the border, in its questions or its answer: "女朋友是英国人…她要怎么来" is not
    /// asked of 第一次办护照, nor "外籍配偶…协议离婚" of the usual divorce.
    /// </summary>
    public bool SpeaksForAForeignerTheEntryIsNotFor(string message, IndexedEntry entry) =>
        !_entries.GetValue(entry, Build).SpeaksOfForeigners && Identities.NamesAForeignNational(message);

    // The documents issued by residency (身份证, 户口簿, 居住证, 残疾人证 …); not the cards of a system anyone working here
    // joins (社保卡, 医保卡) or a bank's.
    private readonly ObjectSet _documents = lexicon.Family("证件")
        & ~(lexicon.Read("社保卡").Objects | lexicon.Read("医保卡").Objects | lexicon.Read("银行卡").Objects);

    private readonly ObjectSet _places = lexicon.Family("地点");

    private static readonly string[] AbroadWords = ["国外", "境外", "海外", "香港", "澳门", "台湾", "港澳"];

    private static readonly string[] ForeignerWords = ["外国", "外籍", "涉外", "境外人员", "境外人士", "国籍", "华侨", "侨"];

    private static bool SpeaksOfForeigners(string text) => WordLists.AnyIn(text, ForeignerWords) || Identities.NamesAForeignNational(text);

    /// <summary>
    /// True when <paramref name="reading"/> (normalised: the question, not the story around it) tells of a document's term
    /// running out (到期, 过期) and the entry's own question asks another need than its renewal (补领, 更正 …), never speaking
    /// of a term running out in its questions or its answer: "港澳台居民居住证五年到期了怎么换新的" is not asked of the card
    /// lost or damaged, whose answer says only 遗失或损坏…补领或换领.
    /// </summary>
    public bool TellsOfAnExpiryTheEntryIsNotAbout(string reading, IndexedEntry entry)
    {
        if (!WordLists.AnyIn(reading, ExpiryWords)) return false;
        var e = _entries.GetValue(entry, Build);
        return !e.SpeaksOfExpiry && e.Standard.Needs != 0 && (e.Standard.Needs & _renewal) == 0;
    }

    private readonly ulong _renewal = lexicon.Read("到期").Needs;

    // A term running out: 到期, 过期 (not 期满 or 届满, a term served: 服役期满, 记分周期届满; nor 有效期 alone, a fact an
    // answer states).
    private static readonly string[] ExpiryWords = ["到期", "过期", "有效期到了", "有效期快到了"];

    /// <summary>
    /// True when <paramref name="message"/> (normalised) says that someone died and the entry never speaks of a death or
    /// its aftermath, in its questions or its answer: "我哥上个月去世了，他的居住证家属要去注销吗" is not asked of
    /// 离开这个城市了居住证要注销吗.
    /// </summary>
    public bool TellsOfADeathTheEntryIsNotAbout(string message, IndexedEntry entry) =>
        Deaths.AreSaidIn(message) && !_entries.GetValue(entry, Build).SpeaksOfADeath;

    /// <summary>
    /// True when the entry's own question is about someone who died (持证的残疾人去世了，残疾人证怎么注销) and
    /// <paramref name="message"/> (normalised) tells of no death in any words: a living father's wheelchair is not asked of it.
    /// </summary>
    public bool IsAboutADeathTheMessageDoesNotTell(string message, IndexedEntry entry) =>
        _entries.GetValue(entry, Build).AsksAfterADeath && Deaths.AreNotToldIn(message);

    /// <summary>
    /// True when the entry's own question is about something that did not happen (看病时没能用医保直接结算…) and
    /// <paramref name="message"/> (normalised) tells nothing that did not (怎么才能在广州直接用医保结算).
    /// </summary>
    public bool AssumesWhatTheMessageDoesNotTell(string message, IndexedEntry entry) =>
        Negations.PremiseNotToldIn(entry.Phrasings[0].Normalized, message);

    /// <summary>
    /// True when <paramref name="entry"/>'s questions name one of the needs and one of the objects of
    /// <paramref name="question"/>: positive evidence that it answers what is asked. A question naming a need and no
    /// object (户口 迁出, 落户, 慢病 认定: the need says whose it is) has it from an entry whose questions name that need and
    /// no object either; an entry about the need of some object (残疾人证 迁移) does not say the same.
    /// </summary>
    public bool NamesNeedAndObject(ServiceProfile question, IndexedEntry entry)
    {
        if (question.Needs == 0) return false;
        var e = _entries.GetValue(entry, Build).Phrasings;
        if (question.Objects.IsEmpty) return (question.Needs & e.Needs) != 0 && e.Objects.IsEmpty;
        return (question.Needs & e.Needs) != 0 && !(question.Objects & e.Objects).IsEmpty;
    }

    /// <summary>
    /// True when <paramref name="word"/> names needs or objects and the entry's questions name every one of them: the
    /// lexicon says the entry speaks of it in other words (掰断 for 坏了, 改正 for 更正).
    /// </summary>
    public bool SpeaksOf(IndexedEntry entry, string word)
    {
        var w = lexicon.Read(word);
        if (w == default) return false;
        var e = _entries.GetValue(entry, Build).Phrasings;
        return (w.Needs & ~e.Needs) == 0 && (w.Objects & ~e.Objects).IsEmpty;
    }

    /// <summary>True when <paramref name="entry"/>'s questions name one of the objects of <paramref name="question"/>.</summary>
    public bool NamesObject(ServiceProfile question, IndexedEntry entry) =>
        !(question.Objects & _entries.GetValue(entry, Build).Phrasings.Objects).IsEmpty;

    /// <summary>
    /// True when <paramref name="question"/> names no particular need and <paramref name="other"/> is the usual
    /// service for the object it names while <paramref name="top"/> is about one particular need of it: "居住证怎么办"
    /// asks for 申领, not for 签注.
    /// </summary>
    public bool PrefersGeneric(ServiceProfile question, IndexedEntry top, IndexedEntry other)
    {
        if (question.Needs != 0 || question.Objects.IsEmpty) return false;
        var t = _entries.GetValue(top, Build);
        var o = _entries.GetValue(other, Build);
        // The usual service names exactly the question's object in its standard question, with no particular need.
        return t.Standard.Needs != 0 && !(t.Standard.Objects & question.Objects).IsEmpty
            && o.Standard.Needs == 0 && o.Standard.Objects == question.Objects;
    }

    /// <summary>The needs and objects the entry's own (standard) question names.</summary>
    public ServiceProfile StandardOf(IndexedEntry entry) => _entries.GetValue(entry, Build).Standard;

    /// <summary>
    /// True when <paramref name="message"/> (normalised) tells that someone refuses the citizen (单位一直不发给我, 前夫不同意
    /// 接收) and none of the entry's questions speaks of a refusal or a dispute (nor its own of anything that did not happen),
    /// nor its answer of a refusal: the usual procedure (生育津贴 how claimed, 户口 moved to the other parent) is not how to
    /// get past one.
    /// </summary>
    public bool TellsOfARefusalTheEntryIsNotAbout(string message, IndexedEntry entry) =>
        !_entries.GetValue(entry, Build).SpeaksOfARefusal && Refusals.AreToldIn(message);

    private EntryProfile Build(IndexedEntry entry)
    {
        // Each question read once: the union, and the objects most (or nearly all) of them name.
        var reads = new ServiceProfile[entry.Phrasings.Length];
        for (var i = 0; i < reads.Length; i++) reads[i] = lexicon.Read(entry.Phrasings[i].Normalized);
        var phrasings = reads[0];
        foreach (var r in reads.AsSpan(1)) phrasings = phrasings.Union(r);
        var answerText = Text.TextNormalizer.Default.Normalize(entry.Entry.Answer);
        var answer = lexicon.Read(answerText);
        return new EntryProfile(reads[0], phrasings, phrasings.Union(answer), CoreObjects(reads, phrasings.Objects, CoreShare),
            CoreObjects(reads, phrasings.Objects, StrongShare))
        {
            SpeaksOfAbroad = WordLists.AnyIn(answerText, AbroadWords) || entry.Phrasings.Any(p => WordLists.AnyIn(p.Normalized, AbroadWords)),
            SpeaksOfForeigners = SpeaksOfForeigners(answerText) || entry.Phrasings.Any(p => SpeaksOfForeigners(p.Normalized)),
            SpeaksOfADeath = Deaths.AreSpokenOfIn(answerText) || entry.Phrasings.Any(p => Deaths.AreSpokenOfIn(p.Normalized)),
            AsksAfterADeath = Deaths.AreSaidIn(entry.Phrasings[0].Normalized),
            SpeaksOfExpiry = WordLists.AnyIn(answerText, ExpiryWords) || entry.Phrasings.Any(p => WordLists.AnyIn(p.Normalized, ExpiryWords)),
            SpeaksOfARefusal = Refusals.AreNamedIn(answerText) || entry.Phrasings.Any(p => Refusals.AreSpokenOfIn(p.Normalized))
                || !Negations.AreNotToldIn(entry.Phrasings[0].Normalized),
        };
    }

    // The objects named by at least this share of an entry's questions are what it is about.
    private const double CoreShare = 0.6;

    // The objects named by at least this share are what it is about whatever else a question names.
    private const double StrongShare = 0.8;

    private static ObjectSet CoreObjects(ServiceProfile[] reads, ObjectSet named, double share)
    {
        var core = ObjectSet.Empty;
        for (var id = 0; id < ObjectSet.Capacity; id++)
        {
            if (!named.Contains(id)) continue;
            var naming = 0;
            foreach (var r in reads) if (r.Objects.Contains(id)) naming++;
            if (naming >= share * reads.Length) core |= ObjectSet.Of(id);
        }
        return core;
    }

    private sealed record EntryProfile(ServiceProfile Standard, ServiceProfile Phrasings, ServiceProfile Everything, ObjectSet Core, ObjectSet StrongCore)
    {
        // Its questions or answer speak of life abroad (国外, 境外, 港澳台 …).
        public bool SpeaksOfAbroad { get; init; }

        // Its questions or answer speak of foreigners (外国人, 外籍, 涉外 …).
        public bool SpeaksOfForeigners { get; init; }

        // Its questions or answer speak of a death or its aftermath (去世, 继承, 丧葬 …).
        public bool SpeaksOfADeath { get; init; }

        // Its questions or answer speak of a document's term running out (到期, 过期, 有效期到了).
        public bool SpeaksOfExpiry { get; init; }

        // Its own question is about someone who died (…去世了, …死亡后).
        public bool AsksAfterADeath { get; init; }

        // Its questions speak of someone refusing or of a dispute (不给, 配合, 投诉, 仲裁 …), its own question of something that
        // did not happen (老板没钱发工资), or its answer names a refusal.
        public bool SpeaksOfARefusal { get; init; }
    }
}
