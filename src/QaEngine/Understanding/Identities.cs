namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Who a service is for when it is only for some: 港澳台 residents, foreigners, overseas Chinese, servicemen, families
/// whose 户口 is elsewhere (外地户口, 随迁子女, 外来务工), graduates (毕业, 应届, 报到证, 学历). Citizens of
/// those groups say so ("我是澳门居民…", "我老公是外国人"), so an entry for one of them answers no question that names none
/// of its words: "孩子上小学要什么材料" is not asked by a 港澳 parent.
/// </summary>
public static class Identities
{
    // A group: the words that both mark its entries and name its members; the words that only mark its entries (an entry
    // "持居住证…" is for families living away from their 户口); the words by which citizens name themselves as of it
    // without those marking its entries (whoever names a 居住证 at all is of the 外地 group, a 大学生 of the graduates').
    private sealed record Group(string[] Words, string[] EntryMarks, string[] SelfNames)
    {
        // Said of someone, these name them as not of the group (还没毕业, 没有毕业证): the words inside are no naming.
        public string[] Denials { get; init; } = [];

        public bool Marks(string entryQuestion) => WordLists.AnyIn(entryQuestion, Words) || WordLists.AnyIn(entryQuestion, EntryMarks);

        public bool IsNamedIn(string text)
        {
            foreach (var d in Denials) text = text.Replace(d, " ", StringComparison.Ordinal);
            return WordLists.AnyIn(text, Words) || WordLists.AnyIn(text, SelfNames);
        }
    }

    // Countries citizens name, as where someone is from (越南人, 英国籍) or where they go.
    private static readonly string[] Countries =
    [
        "美国", "英国", "法国", "德国", "意大利", "西班牙", "俄罗斯", "日本", "韩国", "朝鲜", "越南", "泰国", "缅甸", "老挝", "柬埔寨",
        "马来西亚", "新加坡", "印度", "巴基斯坦", "加拿大", "澳大利亚", "新西兰", "巴西", "墨西哥",
    ];

    private static readonly Group[] Groups =
    [
        new(["港澳台", "港澳", "香港", "澳门", "台湾", "台胞", "港人", "澳人", "回乡证", "内地", "大陆"], [], []),
        new(["外国人", "外籍", "老外", "外国", "国籍", "签证", .. Countries, "非洲", "欧洲", "美洲"], [], []),
        new(["华侨", "侨胞", "归侨", "侨眷"], [], []),
        new(["军人", "退役", "退伍", "现役", "军属", "士兵", "军官", "部队", "入伍", "参军"], [], []),
        new(["外地户口", "外地户籍", "户口在外地", "非本地户籍", "非本市户籍", "非户籍", "随迁", "外来务工",
            "务工", "打工", "外地人", "外省户口", "异地户口", "流动人口", "外地的孩子", "外地孩子"],
            ["持居住证", "有居住证", "持有居住证"], ["居住证", "暂住证", "居住凭证", "农民工子女", "农民工的孩子", "农民工孩子", "农民工的子女"]),
        new(["毕业", "应届", "报到证", "学历", "学位"], [], ["大学生", "研究生", "大专生", "本科生", "硕士", "博士"])
        {
            Denials = ["没毕业", "未毕业", "没有毕业", "不能毕业", "毕业不了", "没拿到毕业", "没领到毕业", "没能毕业"],
        },
    ];

    /// <summary>The groups <paramref name="entryQuestion"/> (normalised) is only for, one bit per group.</summary>
    public static int GroupsMarking(string entryQuestion)
    {
        var groups = 0;
        for (var g = 0; g < Groups.Length; g++)
            if (Groups[g].Marks(entryQuestion)) groups |= 1 << g;
        return groups;
    }

    /// <summary>The groups <paramref name="text"/> (normalised) names someone as of, one bit per group.</summary>
    public static int GroupsNamedIn(string text)
    {
        var groups = 0;
        for (var g = 0; g < Groups.Length; g++)
            if (Groups[g].IsNamedIn(text)) groups |= 1 << g;
        return groups;
    }

    // Kinds of one insurance that exclude each other: a citizen who names one kind is not asking about the other.
    private static readonly string[][][] Kinds =
    [
        [["职工医保", "职工医疗保险", "职工基本医疗保险"], ["居民医保", "城乡居民医疗保险", "居民医疗保险", "新农合"]],
        [["职工养老保险", "职工养老", "职工基本养老保险"], ["居民养老保险", "城乡居民养老", "城乡居民基本养老保险", "新农保"]],
    ];

    // An adult and a minor, for whom services differ (a passport's validity, a change of name).
    private static readonly string[] Adults = ["成年人", "成人", "大人", "成年了", "已成年", "已经成年"];
    private static readonly string[] Minors = ["未成年人", "未成年", "未满16", "未满18", "小孩", "孩子", "儿童", "婴儿", "宝宝", "娃"];

    /// <summary>
    /// True when <paramref name="entryQuestion"/> (normalised) is for minors and <paramref name="message"/> names an adult
    /// and no minor, or the other way round ("成年人护照有效期是几年" against 未成年人办护照…).
    /// </summary>
    public static bool NamesAnotherAge(string entryQuestion, string message)
    {
        var (entryAdult, entryMinor) = Ages(entryQuestion);
        var (adult, minor) = Ages(message);
        return entryAdult != entryMinor && adult != minor && adult == entryMinor;
    }

    private static (bool Adult, bool Minor) Ages(string text)
    {
        var minor = WordLists.AnyIn(text, Minors);
        // 成年人 inside 未成年人 names no adult.
        var adult = false;
        foreach (var w in Adults)
            for (var at = text.IndexOf(w, StringComparison.Ordinal); at >= 0 && !adult; at = text.IndexOf(w, at + 1, StringComparison.Ordinal))
                adult = at == 0 || text[at - 1] != '未';
        return (adult, minor);
    }

    /// <summary>
    /// True when <paramref name="entryQuestion"/> (normalised) is about one kind of an insurance (职工医保) and
    /// <paramref name="message"/> names only another kind (居民医保).
    /// </summary>
    public static bool NamesAnotherKind(string entryQuestion, string message)
    {
        foreach (var kinds in Kinds)
        {
            // The entry names exactly one kind, the message exactly one other.
            int entryKind = -1, messageKind = -1, entryKinds = 0, messageKinds = 0;
            for (var i = 0; i < kinds.Length; i++)
            {
                if (WordLists.AnyIn(entryQuestion, kinds[i])) { entryKind = i; entryKinds++; }
                if (WordLists.AnyIn(message, kinds[i])) { messageKind = i; messageKinds++; }
            }
            if (entryKinds == 1 && messageKinds == 1 && messageKind != entryKind) return true;
        }
        return false;
    }

    // The words for a foreign national of no country in particular.
    private static readonly string[] ForeignNationals = ["外国人", "老外", "外籍", "外国籍", "外国公民"];

    /// <summary>
    /// True when <paramref name="message"/> (normalised) names someone as a foreign national ("女朋友是英国人", "外籍配偶",
    /// "我是韩国人"), not only a foreign country (去日本旅游).
    /// </summary>
    public static bool NamesAForeignNational(string message) => WordLists.AnyIn(message, ForeignNationals) || NamesAPersonOfACountry(message);

    // People named by where they are from (越南人, 英国籍, 一对德国夫妻, 我的韩国同事, 日本留学生), not a country where someone
    // goes (去日本玩).
    private static readonly string[] PeopleOfACountry =
    [
        "人", "籍", "夫妻", "夫妇", "朋友", "同事", "同学", "客人", "租客", "房客", "游客", "留学生", "老公", "老婆", "丈夫", "妻子",
        "媳妇", "女婿", "男友", "女友", "男朋友", "女朋友", "小伙", "姑娘", "员工", "工程师", "专家", "外教", "友人",
    ];

    private static bool NamesAPersonOfACountry(string message)
    {
        foreach (var country in Countries)
            for (var at = message.IndexOf(country, StringComparison.Ordinal); at >= 0; at = message.IndexOf(country, at + 1, StringComparison.Ordinal))
            {
                var after = message.AsSpan(at + country.Length);
                foreach (var person in PeopleOfACountry)
                    if (after.StartsWith(person, StringComparison.Ordinal)) return true;
            }
        return false;
    }

    /// <summary>True when <paramref name="text"/> (normalised) names one of the groups some services are only for.</summary>
    public static bool NamesAGroup(string text)
    {
        foreach (var group in Groups)
            if (WordLists.AnyIn(text, group.Words)) return true;
        return false;
    }

    // Residents of Hong Kong, Macao or Taiwan naming themselves (or the person they ask for) as such.
    private static readonly string[] HongKongMacaoTaiwanResidents =
    [
        "香港居民", "澳门居民", "台湾居民", "港澳居民", "港澳台居民", "香港永久居民", "澳门永久居民", "香港人", "澳门人", "台湾人",
        "台胞", "台湾同胞", "港澳同胞", "香港同胞", "澳门同胞", "香港籍", "澳门籍", "台湾籍",
        "台湾学生", "香港学生", "澳门学生", "港澳学生", "港澳台学生", "台湾青年", "香港青年", "澳门青年", "港澳青年",
    ];

    /// <summary>
    /// True when <paramref name="message"/> (normalised) says someone is a resident of Hong Kong, Macao or Taiwan
    /// ("本人是香港居民，长年住在深圳…"): the services for mainland residents are not simply theirs.
    /// </summary>
    public static bool NamesAHongKongMacaoOrTaiwanResident(string message) => WordLists.AnyIn(message, HongKongMacaoTaiwanResidents);
}
