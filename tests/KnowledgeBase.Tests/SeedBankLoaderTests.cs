namespace GovAssistant.KnowledgeBase.Tests;

public sealed class SeedBankLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadsEveryJsonLinesFileInNameOrder()
    {
        File.WriteAllText(_temp.File("b-shebao.jsonl"), Bank.Line("SB-1") + "\n" + Bank.Line("SB-2"));
        File.WriteAllText(_temp.File("a-huji.jsonl"), Bank.Line("HJ-1"));
        File.WriteAllText(_temp.File("notes.md"), "not a bank file");

        var report = SeedBankLoader.Load(_temp.Path);

        Assert.True(report.IsValid);
        Assert.Equal(["HJ-1", "SB-1", "SB-2"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void ErrorsNameTheFileAndLineIncludingIdsRepeatedAcrossFiles()
    {
        File.WriteAllText(_temp.File("a.jsonl"), Bank.Line("X-1") + "\n" + """{"id":"X-2","question":"问"}""");
        File.WriteAllText(_temp.File("b.jsonl"), "\n" + Bank.Line("Y-1") + "\n" + Bank.Line("X-1"));

        var report = SeedBankLoader.Load(_temp.Path);

        Assert.Equal(
        [
            new ImportError(2, "X-2", "answer", "答案不能为空", "a.jsonl"),
            new ImportError(3, "X-1", "id", "id“X-1”重复：文件 a.jsonl 中已使用", "b.jsonl"),
        ], report.Errors);
        Assert.Equal("b.jsonl 第 3 行（X-1） id：id“X-1”重复：文件 a.jsonl 中已使用", report.Errors[1].ToString());
        Assert.Equal(["X-1", "Y-1"], report.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AMissingFolderIsAnError()
    {
        var report = SeedBankLoader.Load(_temp.File("nope"));

        Assert.False(report.IsValid);
        Assert.StartsWith("问答库目录不存在", Assert.Single(report.Errors).Message);
    }
}
