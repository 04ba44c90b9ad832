using System.Collections.Frozen;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// The needs (补办, 换领, 签注, 迁入, 提取, 报销 …) and objects (居住证, 机动车 vs 电动自行车, 公司 vs 养老院 …) of
/// government services, from <c>needs-objects.txt</c>. Reads a text's needs and objects as bit masks, taking the
/// longest word at each place (临时身份证 before 身份证).
/// </summary>
public sealed class ServiceLexicon
{
    private readonly FrozenDictionary<char, (string Word, bool IsNeed, int Group)[]> _byFirstChar;

    private ServiceLexicon(IEnumerable<(string Word, bool IsNeed, int Group)> words, UInt128[] families)
    {
        Families = families;
        _byFirstChar = words.GroupBy(w => w.Word[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());
    }

    /// <summary>Every object word of the lexicon (居住证, 社保卡, 港澳通行证 …).</summary>
    public IEnumerable<string> ObjectWords => _byFirstChar.Values.SelectMany(ws => ws.Where(w => !w.IsNeed).Select(w => w.Word));

    /// <summary>One mask per family of objects (证件, 车辆, 机构 …): objects of one family are alternatives to each other.</summary>
    public IReadOnlyList<UInt128> Families { get; }

    /// <summary>The lexicon compiled into the engine.</summary>
    public static ServiceLexicon Default { get; } = Load(EmbeddedResources.ReadDataLines("needs-objects.txt"));

    /// <summary>Builds a lexicon from lines "need|object name word…".</summary>
    public static ServiceLexicon Load(IEnumerable<string> lines)
    {
        var needs = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, (string, bool, int)>(StringComparer.Ordinal);
        var families = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts[0] is not ("need" or "object")) continue;
            var isNeed = parts[0] == "need";
            var groups = isNeed ? needs : objects;
            var slash = parts[1].IndexOf('/');
            var family = isNeed || slash < 0 ? "-" : parts[1][..slash];
            if (!groups.TryGetValue(parts[1], out var id)) groups[parts[1]] = id = groups.Count;
            if (id >= (isNeed ? 64 : 128)) throw new InvalidDataException($"needs-objects.txt: too many {parts[0]} groups");
            if (!isNeed && family != "-") families[family] = families.GetValueOrDefault(family) | UInt128.One << id;
            // Read as the text is: normalised (补一个 is 补1个 there, 一年级 1年级).
            foreach (var w in parts.Skip(2).Select(w => Text.TextNormalizer.Default.Normalize(w)).Where(w => w.Length > 0)) words.TryAdd(w, (w, isNeed, id));
        }
        return new ServiceLexicon(words.Values, [.. families.Values]);
    }

    /// <summary>
    /// The needs and objects named in <paramref name="normalized"/>. An object inside a need's word (医保 of 买医保, 公积金
    /// of 取公积金, 驾照 of 考驾照) is named too; one that runs past its end (领证 across 换领|证件) is not.
    /// </summary>
    public ServiceProfile Read(ReadOnlySpan<char> normalized) => Read(normalized, null);

    /// <summary>The words of <paramref name="normalized"/> that name its needs and objects, in the order they occur.</summary>
    public IReadOnlyList<string> NamingWords(ReadOnlySpan<char> normalized)
    {
        var words = new List<string>();
        Read(normalized, words);
        return words;
    }

    private ServiceProfile Read(ReadOnlySpan<char> normalized, List<string>? words)
    {
        ulong needs = 0;
        UInt128 objects = 0;
        var needEnd = 0;
        for (var i = 0; i < normalized.Length;)
        {
            var step = 1;
            if (_byFirstChar.TryGetValue(normalized[i], out var candidates))
            {
                foreach (var (word, isNeed, group) in candidates)
                {
                    if (!normalized[i..].StartsWith(word, StringComparison.Ordinal)) continue;
                    if (i < needEnd && (isNeed || i + word.Length > needEnd)) continue;
                    if (isNeed)
                    {
                        needs |= 1UL << group;
                        needEnd = i + word.Length;
                    }
                    else
                    {
                        objects |= UInt128.One << group;
                        step = word.Length;
                    }
                    words?.Add(word);
                    break;
                }
            }
            i += step;
        }
        return new ServiceProfile(needs, objects);
    }
}

/// <summary>The needs and objects a text names, as bit masks over <see cref="ServiceLexicon"/>'s groups.</summary>
public readonly record struct ServiceProfile(ulong Needs, UInt128 Objects)
{
    /// <summary>Both profiles' needs and objects together.</summary>
    public ServiceProfile Union(ServiceProfile other) => new(Needs | other.Needs, Objects | other.Objects);
}
