namespace GovAssistant.ChatLoad;

/// <summary>The measured server's resident memory and CPU time, read from <c>/proc/PID</c> (Linux only).</summary>
internal sealed class ServerProcess(int pid)
{
    // USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux build that matters here.
    private const double ClockTicksPerSecond = 100;

    public int Pid => pid;

    /// <summary>VmRSS in bytes.</summary>
    public long ResidentBytes()
    {
        // A process that has exited (zombie) has no VmRSS line: say so rather than report nonsense.
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"process {pid} has exited");
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
        return kb * 1024;
    }

    /// <summary>User + system CPU time consumed so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // utime, stime (fields 14 and 15 of stat)
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    /// <summary>Threads of the process.</summary>
    public int Threads()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return int.Parse(line["Threads:".Length..].Trim());
    }
}
