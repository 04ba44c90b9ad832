namespace GovAssistant.ChatHub.Cli;

/// <summary>
/// The verb and options of the command line: <c>serve</c> (default), <c>import &lt;file&gt; [--publish --by &lt;name&gt; [--replace]]</c>,
/// <c>eval --bank … --queries … --out … [--llm]</c>. Options not recognised here are left for ASP.NET Core's configuration.
/// </summary>
internal sealed class CommandLine
{
    // Options that take no value.
    private static readonly HashSet<string> Flags = ["--replace", "--publish", "--llm"];
    private readonly string[] _args;

    private CommandLine(string verb, string[] args)
    {
        Verb = verb;
        _args = args;
    }

    /// <summary>serve, import or eval.</summary>
    public string Verb { get; }

    /// <summary>Arguments after the verb.</summary>
    public IReadOnlyList<string> Arguments => _args;

    public static CommandLine Parse(string[] args) =>
        args.Length > 0 && args[0] is "serve" or "import" or "eval"
            ? new CommandLine(args[0], args[1..])
            : new CommandLine("serve", args);

    /// <summary>
    /// Arguments for the host's configuration: everything but the verb's own file and flags, so that
    /// <c>import bank.jsonl --KnowledgeBase:DatabasePath /data/bank.db</c> writes where it is told.
    /// </summary>
    public string[] HostArguments
    {
        get
        {
            if (Verb == "serve") return _args;
            var positional = FirstPositional();
            var kept = new List<string>();
            for (var i = 0; i < _args.Length; i++)
            {
                if (_args[i] == positional || Flags.Contains(_args[i])) continue;
                if (_args[i] == "--by") { i++; continue; }
                kept.Add(_args[i]);
            }
            return [.. kept];
        }
    }

    /// <summary>The value after <c>--name</c>, if present.</summary>
    public string? Option(string name)
    {
        var i = Array.IndexOf(_args, "--" + name);
        return i >= 0 && i + 1 < _args.Length ? _args[i + 1] : null;
    }

    /// <summary>True when the flag <c>--name</c> is present.</summary>
    public bool Flag(string name) => _args.Contains("--" + name);

    /// <summary>The first argument that is neither an option nor an option's value.</summary>
    public string? FirstPositional()
    {
        for (var i = 0; i < _args.Length; i++)
        {
            if (_args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!Flags.Contains(_args[i])) i++;
                continue;
            }
            return _args[i];
        }
        return null;
    }
}
