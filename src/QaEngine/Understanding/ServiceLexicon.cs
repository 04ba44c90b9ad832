using System.Collections.Frozen;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// The needs (补办, 换领, 签注, 迁入, 提取, 报销 …) and objects (居住证, 机动车 vs 电动自行车, 公司 vs 养老院 …) of
/// government services, from <c>needs-objects.txt</c>. Reads a text's needs and objects as bit masks, taking the
/// longest word at each place (临时身份证 before 身份证). A word written "~通行证" names its object only in a text that
/// names no other object called by it (证件/台湾通行证): 去台湾…通行证 is the Taiwan one, a bare 通行证 the usual 港澳 one.
/// </summary>
public sealed class ServiceLexicon
{
    private readonly FrozenDictionary<char, (string Word, bool IsNeed, int Group, bool Default)[]> _byFirstChar;

    // For each default word, the other objects whose name ends with it (通行证: 证件/台湾通行证).
    private readonly FrozenDictionary<string, ObjectSet> _yieldsTo;

    // The name of each need (补办, 换领, 签注 …), as against the words telling what happened (丢了, 掰断, 到期).
    private readonly FrozenSet<string> _needNames;

    private ServiceLexicon(IEnumerable<(string Word, bool IsNeed, int Group, bool Default)> words, FrozenDictionary<string, ObjectSet> families,
        FrozenDictionary<string, ObjectSet> yieldsTo, FrozenSet<string> needNames)
    {
        _families = families;
        Families = [.. families.Values];
        _needNames = needNames;
        _yieldsTo = yieldsTo;
        _byFirstChar = words.GroupBy(w => w.Word[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Word.Length).ToArray());
        _genericNames = new(GenericNames);
    }

    /// <summary>Every object word of the lexicon (居住证, 社保卡, 港澳通行证 …).</summary>
    public IEnumerable<string> ObjectWords => _byFirstChar.Values.SelectMany(ws => ws.Where(w => !w.IsNeed).Select(w => w.Word));

    /// <summary>
    /// True for a word that is part of the names of several objects and none itself (卡 of 社保卡 and 医保卡, 证 of 身份证 and
    /// 结婚证): it says what kind of thing, not which. Several words of one object (退休金, 养老金) count as one.
    /// </summary>
    public bool IsGenericName(string word) => _genericNames.Value.Contains(word);

    private readonly Lazy<FrozenSet<string>> _genericNames;

    private FrozenSet<string> GenericNames()
    {
        var groups = new Dictionary<string, ObjectSet>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, isNeed, group, _) in _byFirstChar.Values.SelectMany(ws => ws))
        {
            if (isNeed) continue;
            names.Add(word);
            for (var length = 1; length < word.Length; length++)
                for (var start = 0; start + length <= word.Length; start++)
                {
                    var part = word.Substring(start, length);
                    groups[part] = groups.GetValueOrDefault(part) | ObjectSet.Of(group);
                }
        }
        return groups.Where(g => !names.Contains(g.Key) && g.Value.Count >= 2).Select(g => g.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True for the name of a need (补办, 换领, 提取), not a word telling what happened (丢了, 坏了, 到期).</summary>
    public bool IsNeedName(string word) => _needNames.Contains(word);

    /// <summary>One mask per family of objects (证件, 车辆, 机构 …): objects of one family are alternatives to each other.</summary>
    public IReadOnlyList<ObjectSet> Families { get; }

    private readonly FrozenDictionary<string, ObjectSet> _families;

    /// <summary>The objects of the family <paramref name="name"/> (地点, 证件 …); empty when the lexicon has none.</summary>
    public ObjectSet Family(string name) => _families.GetValueOrDefault(name);

    /// <summary>The lexicon compiled into the engine.</summary>
    public static ServiceLexicon Default { get; } = Load(EmbeddedResources.ReadDataLines("needs-objects.txt"));

    /// <summary>Builds a lexicon from lines "need|object name word…".</summary>
    public static ServiceLexicon Load(IEnumerable<string> lines)
    {
        var needs = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, (string, bool, int, bool)>(StringComparer.Ordinal);
        var families = new Dictionary<string, ObjectSet>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || parts[0] is not ("need" or "object")) continue;
            var isNeed = parts[0] == "need";
            var groups = isNeed ? needs : objects;
            var slash = parts[1].IndexOf('/');
            var family = isNeed || slash < 0 ? "-" : parts[1][..slash];
            if (!groups.TryGetValue(parts[1], out var id)) groups[parts[1]] = id = groups.Count;
            if (id >= (isNeed ? 64 : ObjectSet.Capacity)) throw new InvalidDataException($"needs-objects.txt: too many {parts[0]} groups");
            if (!isNeed && family != "-") families[family] = families.GetValueOrDefault(family) | ObjectSet.Of(id);
            // Read as the text is: normalised (补一个 is 补1个 there, 一年级 1年级).
            foreach (var part in parts.Skip(2))
            {
                var isDefault = !isNeed && part.StartsWith('~');
                var w = Text.TextNormalizer.Default.Normalize(isDefault ? part[1..] : part);
                if (w.Length == 0) continue;
                // A word of two groups would silently read as the first one only: the file says which it is.
                if (words.TryGetValue(w, out var first) && (first.Item2 != isNeed || first.Item3 != id))
                    throw new InvalidDataException($"needs-objects.txt: \"{w}\" names two groups");
                words[w] = (w, isNeed, id, isDefault);
            }
        }
        var yieldsTo = new Dictionary<string, ObjectSet>(StringComparer.Ordinal);
        foreach (var (word, _, group, isDefault) in words.Values)
        {
            if (!isDefault) continue;
            var others = ObjectSet.Empty;
            foreach (var (name, id) in objects)
                if (id != group && name.EndsWith(word, StringComparison.Ordinal)) others |= ObjectSet.Of(id);
            yieldsTo[word] = others;
        }
        return new ServiceLexicon(words.Values, families.ToFrozenDictionary(StringComparer.Ordinal), yieldsTo.ToFrozenDictionary(StringComparer.Ordinal),
            needs.Keys.Select(Text.TextNormalizer.Default.Normalize).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The needs and objects named in <paramref name="normalized"/>. An object inside a need's word (医保 of 买医保, 公积金
    /// of 取公积金, 驾照 of 考驾照) is named too; one that runs past its end (领证 across 换领|证件) is not.
    /// </summary>
    public ServiceProfile Read(ReadOnlySpan<char> normalized) => Read(normalized, null, default, out _);

    /// <summary>
    /// As <see cref="Read(ReadOnlySpan{char})"/>, for a part of a message: a word for the usual one of several objects
    /// (通行证) stands for the one the whole <paramref name="message"/> names ("去台湾…" earlier in it).
    /// </summary>
    public ServiceProfile Read(ReadOnlySpan<char> normalized, ReadOnlySpan<char> message) => Read(normalized, null, message, out _);

    /// <summary>The words of <paramref name="normalized"/> that name its needs and objects, in the order they occur.</summary>
    public IReadOnlyList<string> NamingWords(ReadOnlySpan<char> normalized)
    {
        var words = new List<string>();
        Read(normalized, words, default, out _);
        return words;
    }

    // "考试用", "过户要用": what the citizen needs the document for, not what is asked of it; "补办用什么" still asks.
    private static bool IsPurpose(ReadOnlySpan<char> after)
    {
        foreach (var lead in PurposeMarkers)
        {
            if (!after.StartsWith(lead, StringComparison.Ordinal)) continue;
            var rest = after[lead.Length..];
            return rest.IsEmpty || !"什啥哪多几".Contains(rest[0]);
        }
        return false;
    }

    private static readonly string[] PurposeMarkers = ["需要用", "要用", "用"];

    // What sets the word after it aside ("是不是" asks, it denies nothing).
    private static readonly string[] Denials = ["不是", "不想弄", "不想办", "不想开", "不想搞"];

    private static bool IsDenied(ReadOnlySpan<char> before)
    {
        foreach (var d in Denials)
            if (before.EndsWith(d, StringComparison.Ordinal) && !(d == "不是" && before.Length > 2 && before[^3] == '是')) return true;
        return false;
    }

    // What tells a thing is still at hand ("营业执照还在", "回乡证没丢") or found again ("身份证找到了"): it is not what is
    // asked about, unless more follows in the clause ("还在有效期内").
    private static readonly string[] StillAtHand = ["还在", "都在", "没丢", "没有丢", "没弄丢", "还有", "找到了", "找着了", "找回来了"];

    // A thing still at hand is set aside only beside another of its family that is named ("香港身份证丢了，回乡证还在"):
    // alone ("房产证还在，要去注销吗") it is still what is asked about.
    private ObjectSet NotSetAside(ObjectSet atHand, ObjectSet named)
    {
        if (atHand.IsEmpty) return atHand;
        var kept = atHand;
        foreach (var family in Families)
            if (!(atHand & family).IsEmpty && !(named & family).IsEmpty) kept &= ~family;
        return kept;
    }

    private static bool IsStillAtHand(ReadOnlySpan<char> after)
    {
        foreach (var marker in StillAtHand)
        {
            if (!after.StartsWith(marker, StringComparison.Ordinal)) continue;
            var rest = after[marker.Length..];
            return rest.IsEmpty || rest[0] == ' ' || ("哩呢的啊吧呀嘞".Contains(rest[0]) && (rest.Length == 1 || rest[1] == ' '));
        }
        return false;
    }

    /// <summary>
    /// As <see cref="Read(ReadOnlySpan{char})"/>, with the things <paramref name="normalized"/> tells are still at hand or
    /// found (回乡证还在, 身份证找到了), named or set aside.
    /// </summary>
    public ServiceProfile Read(ReadOnlySpan<char> normalized, out ObjectSet atHand) => Read(normalized, null, default, out atHand);

    private ServiceProfile Read(ReadOnlySpan<char> normalized, List<string>? words, ReadOnlySpan<char> message, out ObjectSet atHand)
    {
        ulong needs = 0;
        var objects = ObjectSet.Empty;
        List<(string Word, int Group)>? defaults = null;
        var needEnd = 0;
        atHand = ObjectSet.Empty;
        for (var i = 0; i < normalized.Length;)
        {
            var step = 1;
            if (_byFirstChar.TryGetValue(normalized[i], out var candidates))
            {
                foreach (var (word, isNeed, group, isDefault) in candidates)
                {
                    if (!normalized[i..].StartsWith(word, StringComparison.Ordinal)) continue;
                    if (i < needEnd && (isNeed || i + word.Length > needEnd)) continue;
                    // "不是个体户", "不想弄有限公司": named only to be set aside.
                    if (IsDenied(normalized[..i]))
                    {
                        step = word.Length;
                        break;
                    }
                    if (isNeed && IsPurpose(normalized[(i + word.Length)..])) break;
                    if (!isNeed && !isDefault && IsStillAtHand(normalized[(i + word.Length)..]))
                    {
                        atHand |= ObjectSet.Of(group);
                        step = word.Length;
                        words?.Add(word);
                        break;
                    }
                    if (isNeed)
                    {
                        needs |= 1UL << group;
                        needEnd = i + word.Length;
                    }
                    else
                    {
                        if (isDefault) (defaults ??= []).Add((word, group));
                        else objects |= ObjectSet.Of(group);
                        step = word.Length;
                    }
                    words?.Add(word);
                    break;
                }
            }
            i += step;
        }
        objects |= NotSetAside(atHand, objects);
        // A word for the usual one of several stands for it only where none of the others is named.
        if (defaults is null) return new ServiceProfile(needs, objects);
        ObjectSet? namedElsewhere = null;
        foreach (var (word, group) in defaults)
        {
            var others = _yieldsTo[word];
            if (!(objects & others).IsEmpty) continue;
            // Named elsewhere in the message (去台湾…), the word is that one here too; the message is read only then.
            namedElsewhere ??= message.IsEmpty ? ObjectSet.Empty : Read(message, null, default, out _).Objects;
            objects |= !(namedElsewhere.Value & others).IsEmpty ? namedElsewhere.Value & others : ObjectSet.Of(group);
        }
        return new ServiceProfile(needs, objects);
    }
}

/// <summary>The needs and objects a text names, as bit masks over <see cref="ServiceLexicon"/>'s groups.</summary>
public readonly record struct ServiceProfile(ulong Needs, ObjectSet Objects)
{
    /// <summary>Both profiles' needs and objects together.</summary>
    public ServiceProfile Union(ServiceProfile other) => new(Needs | other.Needs, Objects | other.Objects);
}
