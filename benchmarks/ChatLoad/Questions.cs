namespace GovAssistant.ChatLoad;

/// <summary>
/// What the visitors ask: mostly questions the seed bank answers, phrased the way citizens type them, with a few
/// the bot cannot answer. No "转人工" and never two unanswerable questions in a row (also across the wrap-around),
/// because two misses in a row make the bot hand the conversation over (Conversations:NoAnswersBeforeEscalation).
/// </summary>
internal static class Questions
{
    private static readonly string[] All =
    [
        "身份证丢了怎么补办",
        "我家孩子刚出生，户口怎么上？",
        "今天天气怎么样",                       // cannot be answered
        "居住证怎么办理？需要带什么材料",
        "护照过期了怎么换新的",
        "驾照快过期了去哪换",
        "这种图片是用什么软件做的",              // cannot be answered
        "买房了怎么提取住房公积金？",
        "没工作的人怎么交医保",
        "我奶奶刚过80岁生日，高龄补贴咋领",
        "楼下餐馆晚上太吵了能不能帮忙管管",      // cannot be answered
        "新房交钥匙了，房本咋办下来",
        "灵活就业社保在哪里办",
        "第一次办护照需要什么材料？",
        "我想问一下明天股票会不会涨",            // cannot be answered
        "驾驶证丢了怎么补办？",
        "家里孩子有残疾怎么办残疾证",
        "外地人办居住证去哪里",
    ];

    /// <summary>How many questions the rotation holds.</summary>
    public static int Count => All.Length;

    /// <summary>The question at position <paramref name="i"/> of the rotation (any non-negative number).</summary>
    public static string At(int i) => All[i % All.Length];
}
