using System.Collections.Frozen;
using JiebaNet.Segmenter;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// The language knowledge of the engine, loaded once: jieba.NET with its dictionary plus our government-service
/// user dictionary (<c>gov-userdict.txt</c>), the synonym groups (<c>synonyms.txt</c>, first word of a line is
/// canonical) and the stop words (<c>stopwords.txt</c>). All three files are compiled into the assembly;
/// jieba's own files are copied beside it under <c>Resources/jieba</c> by the build.
/// </summary>
/// <remarks>
/// jieba.NET keeps its dictionary in a process-wide singleton, so the user dictionary is added exactly once,
/// here, before any segmentation happens. After that everything is read-only and thread-safe.
/// </remarks>
public sealed class GovLexicon
{
    // In synonyms.txt, the broad thesaurus groups (同义词词林) follow this marker line; the curated groups precede it.
    private const string ThesaurusMarker = "# --- 同义词词林";

    private static readonly Lazy<GovLexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // jieba's word classes that may tell where or who the citizen is, unless the bank asks about them: pronouns,
    // conjunctions and place names (咋个, 同时, 重庆 — but 台湾, 这里).
    private static readonly FrozenSet<string> CircumstanceClasses = new[] { "r", "c", "ns" }.ToFrozenSet(StringComparer.Ordinal);

    // jieba's word classes that never name a service or a need: adverbs, prepositions, particles, interjections,
    // onomatopoeia, times, numerals, measure words, directions, set phrases and state words (一直, 以后, 几个, 今年,
    // 十几年, 是不是, 不要).
    private static readonly FrozenSet<string> FunctionClasses = new[] { "d", "df", "p", "u", "y", "e", "o", "t", "m", "q", "f", "l", "z" }
        .ToFrozenSet(StringComparer.Ordinal);

    // Characters that only carry modality, negation, degree, person or tone. A word made of them alone (不能, 还有, 才能,
    // 还用) asks nothing; a word jieba does not know that holds one is characters its HMM glued across a word boundary
    // (能换, 先办, 装个, 办嘛, 我想考), not a term.
    // Cantonese and Wu ones too: 佢 (he), 啲 (some), 嘅 (的), 咗 (了), 喺 (在), 俾 (给), 嚟 (来), 冇 (没), 侬 (you), 伐 (吗).
    private const string FunctionCharacters = "不是能还有才用要可以会得个几先再就都也又了吗嘛呢啊哦么没佢啲嘅咗喺俾嚟冇侬伐";
    // Glued, but words of their own too: the pronouns, 想, 很, and the 行 of 行吗 / 行不行 (办行 of 只在迁入地办行吗).
    private const string GlueCharacters = FunctionCharacters + "我你他她它想很行";

    // Pronouns of the dialects that jieba's dictionary files as names or nouns (阿拉 "we" in Shanghai, 伊拉 "they").
    private static readonly FrozenSet<string> DialectPronouns = new[] { "阿拉", "伊拉", "我哋", "你哋", "佢哋" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly HashSet<string> _userWords;

    private GovLexicon(JiebaSegmenter segmenter, FrozenDictionary<string, string> canonical, FrozenDictionary<string, string> curated, FrozenSet<string> stopWords,
        FrozenSet<string> circumstance, FrozenSet<string> function, HashSet<string> userWords)
    {
        CircumstanceWords = circumstance;
        FunctionWords = function;
        _userWords = userWords;
        CuratedCanonical = curated;
        Segmenter = segmenter;
        Canonical = canonical;
        StopWords = stopWords;
    }

    /// <summary>The lexicon shared by every analyzer in the process.</summary>
    public static GovLexicon Default => Shared.Value;

    /// <summary>jieba segmenter with the government user dictionary loaded.</summary>
    public JiebaSegmenter Segmenter { get; }

    /// <summary>Word → canonical synonym (only words that differ from their canonical form).</summary>
    public FrozenDictionary<string, string> Canonical { get; }

    /// <summary>The words with their canonical synonyms added: a word list matched against analysed text, which holds the canonical forms.</summary>
    public FrozenSet<string> WithCanonicalForms(IReadOnlyCollection<string> words) =>
        words.Concat(words.Select(w => Canonical.GetValueOrDefault(w, w))).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The hand-written part of <see cref="Canonical"/> (government and everyday terms), without the broad thesaurus
    /// groups: used for the character views, where a loose synonym would blur more than it joins.
    /// </summary>
    public FrozenDictionary<string, string> CuratedCanonical { get; }

    /// <summary>
    /// Words of jieba's dictionary that are pronouns, conjunctions or place names: in a question they tell the
    /// citizen's circumstances, not what is asked — unless the bank itself asks about them (台湾, 这里), which the
    /// caller checks.
    /// </summary>
    public FrozenSet<string> CircumstanceWords { get; }

    /// <summary>The words of the government dictionary (<c>gov-userdict.txt</c>).</summary>
    public IEnumerable<string> GovernmentWords => _userWords;

    /// <summary>Whether jieba's dictionary (with the government words) holds <paramref name="word"/>.</summary>
    public bool IsDictionaryWord(string word) => Dictionary.ContainsWord(word) || _userWords.Contains(word);

    /// <summary>Words of jieba's dictionary in a class that never names a service or need (adverbs, times, numerals …).</summary>
    public FrozenSet<string> FunctionWords { get; }

    /// <summary>
    /// Whether a word of a question says nothing about what is asked: a word of a function class
    /// (<see cref="FunctionWords"/>), a word made of modal, negating or tone characters only (不能, 还有), or characters
    /// jieba's HMM joined across a word boundary, which no dictionary knows and which hold such a character
    /// (能换, 先办, 办嘛).
    /// </summary>
    public bool IsFunctionWord(string word)
    {
        if (FunctionWords.Contains(word) || DialectPronouns.Contains(word) || word.All(c => FunctionCharacters.Contains(c))) return true;
        return !Dictionary.ContainsWord(word) && !_userWords.Contains(word) && word.Any(c => GlueCharacters.Contains(c));
    }

    /// <summary>Words dropped from the word field: particles and politeness that carry no intent.</summary>
    public FrozenSet<string> StopWords { get; }

    /// <summary>
    /// Rewrites normalised text with every word replaced by its canonical synonym (jieba precise mode, so words do
    /// not overlap): "居住证怎么申领" → "居住证怎么办理". The character views of a text are taken from this form, so
    /// that synonyms meet at the character level too.
    /// </summary>
    public string Canonicalize(string normalized) => normalized.Length == 0 ? normalized : Canonicalize(Cut(normalized));

    /// <summary>
    /// The pieces inside the words of <paramref name="normalized"/> that the synonyms read as another word (名簿 of
    /// 户口名簿, which is 户口本): search mode emits them, but they are no words of the text.
    /// </summary>
    public HashSet<string> PartsOfSynonyms(string normalized)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Cut(normalized))
        {
            if (word.Length < 3 || !Canonical.ContainsKey(word)) continue;
            for (var size = 2; size < word.Length; size++)
                for (var i = 0; i + size <= word.Length; i++) parts.Add(word.Substring(i, size));
        }
        return parts;
    }

    /// <summary>jieba's precise segmentation of normalised text (with its HMM for words it does not know).</summary>
    public List<string> Cut(string normalized)
    {
        var words = Segmenter.Cut(normalized, cutAll: false, hmm: true);
        return words as List<string> ?? [.. words];
    }

    /// <summary>As <see cref="Canonicalize(string)"/>, from the text's <see cref="Cut"/>.</summary>
    public string Canonicalize(List<string> cut)
    {
        var sb = new System.Text.StringBuilder(cut.Count * 2 + 8);
        foreach (var word in cut) sb.Append(CuratedCanonical.TryGetValue(word, out var canonical) ? canonical : word);
        return sb.ToString();
    }

    /// <summary>
    /// The distinct words <see cref="GovTextAnalyzer"/> makes of a text whose <see cref="Cut"/> is
    /// <paramref name="cut"/>, in order, without a token stream: jieba's search mode (each word, preceded by the
    /// dictionary's two- and three-character words inside it), blanks skipped, synonyms made canonical, stop words
    /// dropped.
    /// </summary>
    public string[] SearchWords(List<string> cut)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>(cut.Count + 4);
        foreach (var word in cut)
        {
            for (var size = 2; size <= 3; size++)
            {
                if (word.Length <= size) break;
                for (var i = 0; i + size <= word.Length; i++)
                {
                    var part = word.Substring(i, size);
                    if (Dictionary.ContainsWord(part)) Add(part);
                }
            }
            Add(word);
        }
        return [.. words];

        void Add(string term)
        {
            if (string.IsNullOrWhiteSpace(term)) return;
            if (Canonical.TryGetValue(term, out var canonical)) term = canonical;
            if (!StopWords.Contains(term) && seen.Add(term)) words.Add(term);
        }
    }

    // jieba's dictionary (shared by every segmenter), for the words inside a longer word in search mode.
    private static WordDictionary Dictionary => WordDictionary.Instance;

    private static GovLexicon Load()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");
        var segmenter = new JiebaSegmenter();
        var userWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadDataLines("gov-userdict.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var freq = parts.Length > 1 && int.TryParse(parts[1], out var f) ? f : 3000;
            // A frequency of 0 takes a word jieba's own dictionary has out of it: never cut, and no government term.
            if (freq == 0)
            {
                segmenter.DeleteWord(parts[0]);
                continue;
            }
            userWords.Add(parts[0]);
            segmenter.AddWord(parts[0], freq, parts.Length > 2 ? parts[2] : "n");
        }

        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, string>? curated = null;
        // A curated group's first word stays what it is: a thesaurus group naming it (初级中学 初中) would otherwise
        // take it away from the words the curated group reads as it (国中).
        var curatedHeads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines("synonyms.txt"))
        {
            if (line.StartsWith(ThesaurusMarker, StringComparison.Ordinal)) curated = new(canonical, StringComparer.Ordinal);
            if (line.Length == 0 || line[0] == '#') continue;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (curated is null) curatedHeads.Add(words[0]);
            foreach (var w in words.Skip(1))
                if (curated is null || !curatedHeads.Contains(w)) canonical.TryAdd(w, words[0]);
        }
        curated ??= canonical;

        var stopWords = EmbeddedResources.ReadDataLines("stopwords.txt").ToFrozenSet(StringComparer.Ordinal);
        var (circumstance, function) = ReadWordClasses(Path.Combine(ConfigManager.ConfigFileBaseDir, "dict.txt"), userWords);
        return new GovLexicon(segmenter, canonical.ToFrozenDictionary(StringComparer.Ordinal), curated.ToFrozenDictionary(StringComparer.Ordinal), stopWords,
            circumstance, function, userWords);
    }

    // jieba's dictionary lines are "word frequency class"; words of our own dictionary are service words whatever
    // class jieba gives them.
    private static (FrozenSet<string> Circumstance, FrozenSet<string> Function) ReadWordClasses(string dictionary, HashSet<string> userWords)
    {
        var circumstance = new HashSet<string>(StringComparer.Ordinal);
        var function = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dictionary))
        {
            var last = line.LastIndexOf(' ');
            if (last < 0) continue;
            var wordClass = line[(last + 1)..];
            var words = CircumstanceClasses.Contains(wordClass) ? circumstance : FunctionClasses.Contains(wordClass) ? function : null;
            if (words is null) continue;
            var word = line[..line.IndexOf(' ')];
            if (word.Length >= 2 && !userWords.Contains(word)) words.Add(word);
        }
        return (circumstance.ToFrozenSet(StringComparer.Ordinal), function.ToFrozenSet(StringComparer.Ordinal));
    }
}
