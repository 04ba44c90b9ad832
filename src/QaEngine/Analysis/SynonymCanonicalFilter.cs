using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// Replaces each word by the canonical word of its synonym group (居民身份证 → 身份证, 社会保险 → 社保,
/// 咋 → 怎么). Applied at index and query time alike, so the two sides meet on one term without the
/// query growing; the canonical forms come from <see cref="GovLexicon"/>.
/// </summary>
public sealed class SynonymCanonicalFilter : TokenFilter
{
    private readonly IReadOnlyDictionary<string, string> _canonical;
    private readonly ICharTermAttribute _term;

    /// <summary>Wraps <paramref name="input"/>, mapping words through <paramref name="canonical"/>.</summary>
    public SynonymCanonicalFilter(TokenStream input, IReadOnlyDictionary<string, string> canonical) : base(input)
    {
        _canonical = canonical;
        _term = AddAttribute<ICharTermAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_canonical.TryGetValue(_term.ToString(), out var canonical)) _term.SetEmpty().Append(canonical);
        return true;
    }
}
