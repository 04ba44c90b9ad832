using System.Collections.Frozen;
using System.Text;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Repairs the names of services that voice input (and pinyin typing) wrote with a character of the same sound:
/// 居住正 → 居住证, 社宝卡 → 社保卡, 公基金 → 公积金, 港奥通行证 → 港澳通行证, 回香证 → 回乡证, 护找 → 护照.
/// </summary>
/// <remarks>
/// Only the names of things the engine knows are repaired into (the objects of services and the government
/// dictionary; not needs, whose short phrases — 报多少, 怎么领 — sound like too much else), and only
/// a run of characters that differs from one of them in a single character of the same syllable (tone left out; the
/// pairs an accent blurs, zh/z and -ng/-n, count as one).
/// The run must not be a word already, and the odd character must be a stray one: a character jieba cannot join to
/// its neighbours into a dictionary word (护 of 办过护照 is part of 护照, so 过护 is not 过户), and not a negation,
/// pronoun or other function character (不办 stays 不办, though it sounds like 补办). Sounds come from
/// <c>pinyin.txt</c>: each character's most common reading.
/// </remarks>
public sealed class Homophones
{
    // The longest service name looked for (港澳通行证 and the like); a name's sound is a key of up to six syllables.
    private const int Longest = 6;

    private readonly FrozenDictionary<char, int> _sound;
    private readonly FrozenDictionary<ulong, string[]> _bySound;
    // Characters whose slips are more often real words: negations, pronouns, particles, the commonest verbs.
    private const string NeverSlips = "不是那哪这去在的地得了着过有没也就都还又再才只能会要用可以个和与及或我你他她它们";

    private readonly Func<string, bool> _isWord;
    private readonly Func<string, List<string>> _cut;
    private readonly FrozenDictionary<string, string> _spellings;

    private Homophones(FrozenDictionary<char, int> sound, FrozenDictionary<ulong, string[]> bySound, Func<string, bool> isWord, Func<string, List<string>> cut,
        FrozenDictionary<string, string> spellings)
    {
        _sound = sound;
        _bySound = bySound;
        _isWord = isWord;
        _cut = cut;
        _spellings = spellings;
    }

    /// <summary>
    /// The repairer over <c>pinyin.txt</c>, the objects of <see cref="ServiceLexicon.Default"/>, the government
    /// dictionary and the longer words of the curated synonyms, with jieba's dictionary as the words that are never
    /// repaired.
    /// </summary>
    public static Homophones Default => Shared.Value;

    private static readonly Lazy<Homophones> Shared = new(() => Load(EmbeddedResources.ReadDataLines("pinyin.txt"),
        ServiceLexicon.Default.ObjectWords.Concat(GovernmentTerms(GovLexicon.Default)).Concat(CuratedTerms(GovLexicon.Default)),
        GovLexicon.Default.IsDictionaryWord, GovLexicon.Default.Cut, CutApartSpellings(GovLexicon.Default, ServiceLexicon.Default)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    // The names of things the synonyms list with a common misspelling of voice input (公基金 for 公积金, 户口薄 for
    // 户口本) that jieba cuts into other words (公|基金): the synonym, read word by word, never sees them whole.
    private static Dictionary<string, string> CutApartSpellings(GovLexicon lexicon, ServiceLexicon services)
    {
        var objects = services.ObjectWords.ToHashSet(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variant, name) in lexicon.CuratedCanonical)
            if (variant != name && variant.Length >= 3 && objects.Contains(variant) && lexicon.Cut(variant).Count > 1) spellings[variant] = name;
        return spellings;
    }

    // The government dictionary's own names for things; its dialect and colloquial words (莫得, 过身), which the synonyms
    // read as another word, are how citizens speak, not names to repair into ("磨得" is not "莫得").
    private static IEnumerable<string> GovernmentTerms(GovLexicon lexicon) =>
        lexicon.GovernmentWords.Where(w => !lexicon.Canonical.TryGetValue(w, out var canonical) || canonical == w);

    // The hand-written synonym groups name services in every way citizens say them (医保卡, 社会保障卡); their short
    // words are mostly verbs and phrases, and their question words (怎么样) are not things: both are left out.
    private static IEnumerable<string> CuratedTerms(GovLexicon lexicon) =>
        lexicon.CuratedCanonical.Keys.Concat(lexicon.CuratedCanonical.Values).Where(w => w.Length >= 3 && !Interrogatives.Asks(w));

    /// <summary>No repairs at all (tests of other stages, and when no sound table is available).</summary>
    public static Homophones None { get; } = new(FrozenDictionary<char, int>.Empty, FrozenDictionary<ulong, string[]>.Empty, _ => true, _ => [],
        FrozenDictionary<string, string>.Empty);

    /// <summary>
    /// Builds the repairer from lines "syllable characters…" (<c>pinyin.txt</c>), the service words to repair into,
    /// what counts as a word already (jieba's dictionary), how a text is cut into words (jieba) and, optionally,
    /// misspellings of service words that are written as the word they spell (公基金 → 公积金).
    /// </summary>
    public static Homophones Load(IEnumerable<string> soundLines, IEnumerable<string> serviceWords, Func<string, bool> isWord, Func<string, List<string>> cut,
        IReadOnlyDictionary<string, string>? spellings = null)
    {
        var sound = new Dictionary<char, int>();
        var syllables = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in soundLines)
        {
            var space = line.IndexOf(' ');
            if (space <= 0 || line[0] == '#') continue;
            var name = Fuzzy(line[..space]);
            if (!syllables.TryGetValue(name, out var syllable)) syllables[name] = syllable = syllables.Count + 1;
            foreach (var c in line.AsSpan(space + 1)) sound.TryAdd(c, syllable);
        }
        var frozen = sound.ToFrozenDictionary();
        var bySound = new Dictionary<ulong, List<string>>();
        foreach (var word in serviceWords.Distinct(StringComparer.Ordinal))
        {
            if (word.Length is < 2 or > Longest || KeyOf(frozen, word) is not { } key) continue;
            if (!bySound.TryGetValue(key, out var list)) bySound[key] = list = [];
            list.Add(word);
        }
        return new Homophones(frozen, bySound.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray()), isWord, cut,
            (spellings ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal));
    }

    // The sounds a speaker with a regional accent, and a pinyin keyboard's fuzzy setting (模糊音), do not keep apart:
    // zh/z, ch/c, sh/s, l/n and the nasals -ng/-n ("生育经贴" for 津贴, "护造" for 护照). "ong" has no "on" to merge with.
    private static string Fuzzy(string syllable)
    {
        var s = syllable;
        if (s.StartsWith("zh") || s.StartsWith("ch") || s.StartsWith("sh")) s = s[0] + s[2..];
        if (s.StartsWith('l')) s = "n" + s[1..];
        if (s.EndsWith("ng") && !s.EndsWith("ong")) s = s[..^1];
        return s;
    }

    /// <summary><paramref name="normalized"/> with every slip repaired (the same string when there is none).</summary>
    public string Repair(string normalized)
    {
        if (_bySound.Count == 0) return normalized;
        StringBuilder? repaired = null;
        List<string>? words = null;
        for (var i = 0; i < normalized.Length;)
        {
            var step = 1;
            for (var length = Math.Min(Longest, normalized.Length - i); length >= 2; length--)
            {
                var run = normalized.AsSpan(i, length);
                if (KeyOf(_sound, run) is not { } key || !_bySound.TryGetValue(key, out var alike)) continue;
                if (RepairOf(normalized, i, length, alike, ref words) is not { } word) continue;
                if (_spellings.TryGetValue(word, out var spelled) && !JoinsNext(normalized, i + length)) word = spelled;
                if (!word.AsSpan().SequenceEqual(run))
                {
                    repaired ??= new StringBuilder(normalized, 0, i, normalized.Length);
                    repaired.Append(word);
                }
                else repaired?.Append(word);
                step = length;
                break;
            }
            if (step == 1) repaired?.Append(normalized[i]);
            i += step;
        }
        return repaired?.ToString() ?? normalized;
    }

    // The service word the run of text at start is (itself), or is a slip of; null when neither. A slip is one
    // character of the same sound, or two in a name of three characters or more (台包正 → 台胞证), never all of them.
    private string? RepairOf(string text, int start, int length, string[] alike, ref List<string>? words)
    {
        var run = text.AsSpan(start, length);
        foreach (var w in alike)
            if (w.AsSpan().SequenceEqual(run)) return w;
        var most = length >= 3 ? 2 : 1;
        string? found = null;
        var fewest = int.MaxValue;
        var tied = false;
        foreach (var w in alike)
        {
            var differ = 0;
            for (var k = 0; k < run.Length && differ <= most; k++) if (run[k] != w[k]) differ++;
            if (differ == 0 || differ > most || differ > fewest) continue;
            // Two different words equally a slip away: no telling which was meant. A nearer one (身份证, not 身分证,
            // for 身份正) is what was meant.
            tied = differ == fewest;
            fewest = differ;
            found = w;
        }
        if (found is null || tied || _isWord(run.ToString())) return null;
        words ??= _cut(text);
        for (var slip = 0; slip < length; slip++)
        {
            if (run[slip] == found[slip]) continue;
            if (NeverSlips.Contains(run[slip]) || NeverSlips.Contains(found[slip])) return null;
            // At the edge of the run, the odd character may make a word with the character outside it (网站上拍下: 拍下).
            if (slip == 0 && start > 0 && _isWord(string.Concat(text.AsSpan(start - 1, 1), run[..1]))) return null;
            if (slip == length - 1 && start + length < text.Length && _isWord(string.Concat(run[^1..], text.AsSpan(start + length, 1)))) return null;
            if (!IsStray(words, start, length, start + slip)) return null;
        }
        return found;
    }

    // Whether the character before end makes a dictionary word with the one after it (户口薄弱: 薄弱).
    private bool JoinsNext(string text, int end) => end < text.Length && _isWord(text.Substring(end - 1, 2));

    // Whether the character at position stands alone in the cut, or in a run the dictionary does not know, and the
    // run splits no dictionary word: 市独 of j11市独生子女 cuts 独生子女 in two, so it is no slip of 失独.
    private bool IsStray(List<string> words, int start, int length, int position)
    {
        var stray = false;
        var from = 0;
        foreach (var w in words)
        {
            var to = from + w.Length;
            if (to > start && from < start + length)
            {
                if ((from < start || to > start + length) && w.Length > 1 && _isWord(w)) return false;
                if (position >= from && position < to) stray = w.Length == 1 || !_isWord(w);
            }
            from = to;
        }
        return stray;
    }

    // Up to six syllables of nine bits each, and the length: one number per sound sequence.
    private static ulong? KeyOf(FrozenDictionary<char, int> sound, ReadOnlySpan<char> text)
    {
        ulong key = (ulong)text.Length;
        foreach (var c in text)
        {
            if (!sound.TryGetValue(c, out var s)) return null;
            key = key << 9 | (uint)s;
        }
        return key;
    }
}
