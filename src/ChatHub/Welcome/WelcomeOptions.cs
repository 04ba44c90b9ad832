namespace GovAssistant.ChatHub.Welcome;

/// <summary>
/// The visitor's first screen (section <c>Welcome</c>):
/// <code>"Welcome": { "Hotline": "12345", "HotQuestionCount": 6, "HotWindow": "7.00:00:00", "Questions": ["SF-001", …],
///   "Categories": ["户籍", "社保", …], "CategoryQuestionCount": 5, "CacheFor": "00:05:00" }</code>
/// </summary>
public sealed class WelcomeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Welcome";

    /// <summary>The telephone hotline shown on the first screen.</summary>
    public string Hotline { get; set; } = "12345";

    /// <summary>How many of the most-asked questions to offer.</summary>
    public int HotQuestionCount { get; set; } = 6;

    /// <summary>How far back the question log is read for the most-asked questions ("this week").</summary>
    public TimeSpan HotWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Entry ids offered while the question log has too few answered questions (a new service, a quiet week).</summary>
    public List<string> Questions { get; set; } = ["SF-001", "JZ-001", "HJ-001", "SB-001", "YB-001", "GJ-001"];

    /// <summary>Service themes shown first, in this order; the bank's other themes follow, larger ones first.</summary>
    public List<string> Categories { get; set; } = ["户籍", "社保", "医保", "公积金", "居住证", "身份证", "出入境", "交通车驾管"];

    /// <summary>How many questions a theme button opens.</summary>
    public int CategoryQuestionCount { get; set; } = 5;

    /// <summary>How long one computed first screen is served before the log is read again.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(5);
}
