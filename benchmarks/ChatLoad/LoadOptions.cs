using System.Globalization;

namespace GovAssistant.ChatLoad;

/// <summary>Command-line options of the load run (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions(
    Uri Url, int Connections, double Rate, TimeSpan Duration, int Batch, int? ServerPid, int Warmup, TimeSpan AnswerTimeout)
{
    public const string Usage = """
        ChatLoad: N visitor connections on /hubs/visitor, asking questions at a total rate; reports round trips and server memory.

          --url URL             service base address (default http://127.0.0.1:5099)
          --connections N       visitor connections to open and hold (default 500)
          --rate Q              questions per second across all connections (default 100)
          --duration S          seconds of questioning once all connections are up (default 30)
          --batch B             connections opened concurrently during the ramp-up (default 100)
          --server-pid PID      server process: VmRSS and CPU from /proc/PID (optional)
          --warmup W            throw-away connections that ask for 10 s before the baseline is taken (default 50)
          --answer-timeout S    an answer later than this counts as lost (default 30)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions(new Uri("http://127.0.0.1:5099"), 500, 100, TimeSpan.FromSeconds(30), 100, null, 50, TimeSpan.FromSeconds(30));
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--url" => o with { Url = new Uri(Next()) },
                "--connections" => o with { Connections = Positive(Next(), "--connections") },
                "--rate" => o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Positive(Next(), "--duration")) },
                "--batch" => o with { Batch = Positive(Next(), "--batch") },
                "--server-pid" => o with { ServerPid = Positive(Next(), "--server-pid") },
                "--warmup" => o with { Warmup = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--answer-timeout" => o with { AnswerTimeout = TimeSpan.FromSeconds(Positive(Next(), "--answer-timeout")) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Rate <= 0) throw new ArgumentException("--rate must be positive");
        return o;
    }

    private static int Positive(string value, string name)
    {
        var n = int.Parse(value, CultureInfo.InvariantCulture);
        return n > 0 ? n : throw new ArgumentException($"{name} must be positive");
    }
}
