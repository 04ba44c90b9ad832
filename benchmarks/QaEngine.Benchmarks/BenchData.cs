using System.Text.Json;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>
/// The benchmark inputs, read at run time and never copied into the repository: the evaluation banks and queries
/// under <c>GOVASSISTANT_EVAL_DIR</c> (default <c>../shared/eval</c> beside the repository), plus the repository's own
/// seed bank and dev queries.
/// </summary>
internal static class BenchData
{
    public const string EvalDirVariable = "GOVASSISTANT_EVAL_DIR";

    private static readonly string[] EvalBanks = ["lcqmc-dev/bank.jsonl", "ncp-policies/bank.jsonl"];
    private const string EvalQueries = "lcqmc-dev/queries.jsonl";
    private const string DevQueries = "data/faq/eval/dev-queries.jsonl";
    private const string SeedBank = "data/faq/bank";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding GovAssistant.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The evaluation data folder, from the environment or beside the repository.</summary>
    public static string EvalDir
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EvalDirVariable);
            return Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(RepositoryRoot, "..", "shared", "eval")
                : configured);
        }
    }

    /// <summary>Throws <see cref="BenchDataException"/> unless every input file is where it should be.</summary>
    public static void EnsureAvailable()
    {
        foreach (var relative in EvalBanks.Append(EvalQueries)) RequireFile(Path.Combine(EvalDir, relative));
        RequireFile(Path.Combine(RepositoryRoot, DevQueries));
    }

    /// <summary>
    /// The benchmark bank: lcqmc-dev (11,533) + ncp-policies (5,000) + the seed bank (352), whose ids are distinct.
    /// The seed bank is included because the service always carries it and the dev queries are asked against it.
    /// </summary>
    public static BankSnapshot LoadBank()
    {
        var entries = new List<FaqEntry>();
        var importer = new BankImporter();
        foreach (var relative in EvalBanks)
            entries.AddRange(Checked(importer.ReadFile(RequireFile(Path.Combine(EvalDir, relative))), relative));
        entries.AddRange(Checked(SeedBankLoader.Load(Path.Combine(RepositoryRoot, SeedBank)), SeedBank));

        var duplicate = entries.GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new BenchDataException($"id {duplicate.Key} appears in more than one bank file.");
        return new BankSnapshot(entries, 1, DateTimeOffset.UtcNow);
    }

    /// <summary>Every query of lcqmc-dev/queries.jsonl.</summary>
    public static IReadOnlyList<string> LoadEvalQueries() => ReadQueries(RequireFile(Path.Combine(EvalDir, EvalQueries)));

    /// <summary>Every query of the repository's dev query set (government services, colloquial, some unanswerable).</summary>
    public static IReadOnlyList<string> LoadDevQueries() => ReadQueries(RequireFile(Path.Combine(RepositoryRoot, DevQueries)));

    /// <summary>
    /// <paramref name="count"/> questions spread evenly over both query sets, half from each, always the same ones,
    /// so runs compare.
    /// </summary>
    public static string[] SampleQuestions(int count)
    {
        var eval = LoadEvalQueries();
        var dev = LoadDevQueries();
        return [.. EvenlySpaced(eval, count / 2), .. EvenlySpaced(dev, count - count / 2)];
    }

    /// <summary>Interleaves both query sets (eval, dev, eval, …) so any prefix mixes colloquial and government questions.</summary>
    public static string[] MixedQueries()
    {
        var eval = LoadEvalQueries();
        var dev = LoadDevQueries();
        var mixed = new List<string>(eval.Count + dev.Count);
        for (var i = 0; i < Math.Max(eval.Count, dev.Count); i++)
        {
            if (i < eval.Count) mixed.Add(eval[i]);
            if (i < dev.Count) mixed.Add(dev[i]);
        }
        return [.. mixed];
    }

    private static IEnumerable<string> EvenlySpaced(IReadOnlyList<string> items, int count) =>
        Enumerable.Range(0, Math.Min(count, items.Count)).Select(i => items[(int)((long)i * items.Count / count)]);

    private static IReadOnlyList<FaqEntry> Checked(ImportReport report, string name)
    {
        if (report.Entries.Count == 0)
            throw new BenchDataException($"{name}: no entry could be read ({string.Join("; ", report.Errors.Take(3))}).");
        // A handful of rejected rows would not change the timings; say so rather than stop.
        if (!report.IsValid) Console.Error.WriteLine($"note: {name}: {report.Errors.Count} rows rejected by the importer, skipped.");
        return report.Entries;
    }

    private static List<string> ReadQueries(string path)
    {
        var list = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("query", out var q) && q.GetString() is { Length: > 0 } text) list.Add(text);
        }
        if (list.Count == 0) throw new BenchDataException($"{path} holds no query.");
        return list;
    }

    private static string RequireFile(string path) => File.Exists(path)
        ? path
        : throw new BenchDataException(
            $"Benchmark data not found: {path}\n" +
            $"The evaluation data is not part of the repository. Set {EvalDirVariable} to the folder holding " +
            "lcqmc-dev/ and ncp-policies/ (default: ../shared/eval relative to the folder of GovAssistant.sln).");

    private static string FindRepositoryRoot()
    {
        // BenchmarkDotNet runs each benchmark in a child process started from its own bin folder, which is still
        // under the repository; the executable's folder is tried as well for runs from elsewhere.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GovAssistant.sln"))) return dir.FullName;
        }
        throw new BenchDataException("GovAssistant.sln not found above the current directory: run the benchmarks from inside the repository.");
    }
}

/// <summary>The benchmark inputs are missing or unreadable; the message says what to do.</summary>
internal sealed class BenchDataException(string message) : Exception(message);
