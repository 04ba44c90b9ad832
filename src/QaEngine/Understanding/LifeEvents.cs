namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Life events citizens tell instead of naming a service ("我爸上周在医院走了，火化也办完了…派出所那头还得办个什么手续"
/// is 死亡 注销户口), from <c>life-events.txt</c>: each line, groups of words all of which must be found in a message, and
/// the words naming the service it usually leads to. Offered where nothing was sure; answered from only where the
/// message's own words matched that service's entry best.
/// </summary>
public sealed class LifeEvents
{
    private sealed record Event(string[][] AllOf, string ServiceWords);

    private readonly Event[] _events;

    private LifeEvents(Event[] events) => _events = events;

    /// <summary>The events of the embedded <c>life-events.txt</c>.</summary>
    public static LifeEvents Default { get; } = Load(EmbeddedResources.ReadDataLines("life-events.txt"));

    /// <summary>Reads lines "word|word &amp; word|word => service words"; a line without "=>" is skipped.</summary>
    public static LifeEvents Load(IEnumerable<string> lines)
    {
        var events = new List<Event>();
        foreach (var line in lines)
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow <= 0) continue;
            var groups = line[..arrow].Split('&', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(g => g.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => Text.TextNormalizer.Default.Normalize(w)).Where(w => w.Length > 0).ToArray())
                .Where(g => g.Length > 0).ToArray();
            var words = Text.TextNormalizer.Default.Normalize(line[(arrow + 2)..]);
            if (groups.Length > 0 && words.Length > 0) events.Add(new Event(groups, words));
        }
        return new LifeEvents([.. events]);
    }

    /// <summary>
    /// The service words of each event told in <paramref name="normalizedMessage"/>, in the order of the lines, each
    /// once; empty when it tells none.
    /// </summary>
    public IReadOnlyList<string> ServicesIn(string normalizedMessage)
    {
        List<string>? found = null;
        foreach (var e in _events)
            if (IsToldIn(e, normalizedMessage) && found?.Contains(e.ServiceWords) != true) (found ??= []).Add(e.ServiceWords);
        return found ?? (IReadOnlyList<string>)[];
    }

    private static bool IsToldIn(Event e, string message)
    {
        foreach (var group in e.AllOf)
            if (!WordLists.AnyIn(message, group)) return false;
        return true;
    }
}
