namespace GovAssistant.QaEngine.Answering;

/// <summary>
/// Recognises the turns that are not questions for the bank: a request for a human agent, and greetings,
/// thanks and goodbyes. Works on normalised text (Simplified, lower case, punctuation as spaces).
/// </summary>
public static class ConversationalIntents
{
    // Phrasings of "give me a person". 人工 alone is enough unless it is part of another word (人工智能 …).
    private static readonly string[] HumanPhrases =
    [
        "转人工", "人工客服", "人工服务", "人工坐席", "人工座席", "人工接待", "真人", "找客服", "联系客服", "叫客服",
        "要客服", "转客服", "客服人员", "在线客服", "客服在吗", "找人工", "接人工", "要人工",
    ];

    private static readonly string[] NotHuman = ["人工智能", "人工授精", "人工流产", "人工费", "人工湖", "人工降雨", "人工关节", "人工耳蜗"];

    private static readonly string[] Fillers = ["请", "帮我", "给我", "我要", "我想", "我", "要", "一下", "吧", "啊", "呀", "吗", "呢", "了", "哦", "的", "可以", "能", "麻烦"];

    private static readonly (string Kind, string Reply, string[] Phrases)[] SmallTalk =
    [
        ("greeting", "您好！我是政务服务智能助手，请直接输入您要办理或咨询的事项，例如“居住证怎么办理”。",
            ["你好", "您好", "侬好", "在吗", "在不在", "有人吗", "有人在吗", "hi", "hello", "嗨", "哈喽", "早上好", "上午好", "中午好", "下午好", "晚上好", "早", "小助手", "机器人"]),
        ("thanks", "不客气，很高兴为您服务！还有其他问题可以继续问我。",
            ["谢谢", "多谢", "谢了", "感谢", "谢谢你", "谢谢您", "非常感谢", "太感谢了", "thank you", "thanks", "好的谢谢", "ok谢谢", "明白了谢谢", "知道了谢谢"]),
        ("goodbye", "感谢您的咨询，再见！如需办理，也可登录当地政务服务网或拨打12345热线。",
            ["再见", "拜拜", "bye", "没事了", "没有了", "没问题了", "就这样", "结束"]),
        ("about", "我是政务服务智能助手，可以解答户籍、居住证、身份证、社保、医保、公积金、出入境、不动产、税务、企业开办等办事问题。" +
            "请直接输入您要办的事；需要工作人员时，输入“转人工”即可。",
            ["你是谁", "你是机器人", "你是人工智能", "你是ai", "你是人", "你叫什么", "你叫啥", "你叫什么名字", "你能做什么", "你会什么",
             "你能干什么", "你可以做什么", "你能帮我做什么", "你有什么用", "你都能回答什么", "你能回答什么"]),
        ("acknowledge", "好的。还有其他问题可以继续问我。",
            ["好的", "好", "嗯", "嗯嗯", "ok", "知道了", "明白了", "收到", "行"]),
    ];

    // The phrases of each kind longest first (a stable order), so 谢谢你 goes before 谢谢 leaves a stray 你.
    private static readonly (string Kind, string Reply, string[] Phrases)[] SmallTalkLongestFirst =
        [.. SmallTalk.Select(s => (s.Kind, s.Reply, s.Phrases.OrderByDescending(p => p.Length).ToArray()))];

    // Everyday chat that no government service answers: food, weather, markets, entertainment, homework.
    private static readonly string[] OffTopic =
    [
        "好吃", "美食", "餐厅", "饭馆", "外卖", "奶茶", "火锅", "天气", "下雨", "气温", "股票", "炒股", "基金涨", "彩票", "电影",
        "电视剧", "综艺", "明星", "八卦", "游戏", "打游戏", "笑话", "讲个故事", "唱首歌", "写作文", "作文", "写诗", "星座",
        "算命", "运势", "减肥", "好玩", "景点推荐", "旅游攻略", "足球", "篮球", "比赛结果", "谈恋爱", "女朋友", "男朋友",
        "你几岁", "你是男", "你是女", "你喜欢", "陪我聊", "聊聊天",
    ];

    /// <summary>True for everyday chat outside government services ("附近有什么好吃的", "明天天气怎么样").</summary>
    public static bool IsOffTopic(string normalized)
    {
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        foreach (var p in OffTopic) if (compact.Contains(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>True when the citizen asks for a human agent in any usual phrasing.</summary>
    public static bool IsHumanRequest(string normalized)
    {
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length == 0 || compact.Length > 40) return false;
        foreach (var p in HumanPhrases) if (compact.Contains(p, StringComparison.Ordinal)) return true;
        if (!compact.Contains("人工", StringComparison.Ordinal)) return compact is "客服";
        foreach (var n in NotHuman) if (compact.Contains(n, StringComparison.Ordinal)) return false;
        // "人工", "我要人工", "人工呢": short turns made of 人工 and fillers only.
        return Strip(compact.Replace("人工", "", StringComparison.Ordinal)).Length == 0;
    }

    /// <summary>The small-talk kind and canned reply when the whole turn is a greeting, thanks or goodbye.</summary>
    public static (string Kind, string Reply)? SmallTalkOf(string normalized)
    {
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length == 0 || compact.Length > 12) return null;
        foreach (var (kind, reply, phrases) in SmallTalkLongestFirst)
        {
            var rest = compact;
            foreach (var p in phrases) rest = rest.Replace(p, "", StringComparison.Ordinal);
            if (rest.Length < compact.Length && Strip(rest).Length == 0) return (kind, reply);
        }
        return null;
    }

    private static string Strip(string text)
    {
        foreach (var f in Fillers) text = text.Replace(f, "", StringComparison.Ordinal);
        return text;
    }
}
