using System.Text;

namespace GovAssistant.KnowledgeBase.Tests;

/// <summary>Test data and shortcuts for reading bank files from text.</summary>
internal static class Bank
{
    public static FaqEntry Entry(string id, string question = "如何办理居住证？", FaqStatus status = FaqStatus.Published) => new()
    {
        Id = id,
        Question = question,
        Answer = "携带身份证到社区服务中心申请。",
        Status = status,
    };

    /// <summary>An entry with every field set, including text that needs quoting in CSV.</summary>
    public static FaqEntry Full(string id) => new()
    {
        Id = id,
        Question = "新生儿怎么上户口？",
        SimilarQuestions = ["宝宝落户要什么材料", "出生登记, 在哪办"],
        Answer = "一、材料：\n1. 出生医学证明；\n2. 父母户口簿、\"身份证\"。\n二、地点：户籍派出所。",
        Category = "户籍",
        Department = "公安局户政管理部门",
        Region = "全国通用",
        Tags = ["新生儿", "落户"],
        Source = "政策",
        Basis = "《户口登记条例》第七条",
        ValidFrom = new DateOnly(2024, 1, 1),
        ValidTo = new DateOnly(2026, 12, 31),
        Status = FaqStatus.Draft,
        Version = 3,
        UpdatedAt = new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(8)),
    };

    public static ImportReport ReadJsonLines(string text, BankImporter? importer = null) =>
        Read(Encoding.UTF8.GetBytes(text), BankFileFormat.JsonLines, importer);

    public static ImportReport ReadCsv(string text) => Read(Encoding.UTF8.GetBytes(text), BankFileFormat.Csv);

    public static ImportReport Read(byte[] bytes, BankFileFormat format, BankImporter? importer = null)
    {
        using var stream = new MemoryStream(bytes);
        return (importer ?? new BankImporter()).Read(stream, format);
    }

    public static byte[] Export(IEnumerable<FaqEntry> entries, BankFileFormat format)
    {
        using var stream = new MemoryStream();
        BankExporter.Write(entries, stream, format);
        return stream.ToArray();
    }

    /// <summary>A valid JSON Lines object with the given id.</summary>
    public static string Line(string id) => $$"""{"id":"{{id}}","question":"问题{{id}}","answer":"答案{{id}}"}""";
}
