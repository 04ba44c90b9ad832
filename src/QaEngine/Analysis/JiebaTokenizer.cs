using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// Lucene tokenizer over jieba.NET's search-mode segmentation: long words are emitted together with the
/// dictionary words inside them ("不动产登记" → 不动, 动产, 登记, 不动产, 不动产登记), which lets a short query
/// word meet a long indexed word and the other way round. Whitespace-only tokens are dropped.
/// </summary>
public sealed class JiebaTokenizer : Tokenizer
{
    private readonly JiebaSegmenter _segmenter;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private IEnumerator<JiebaNet.Segmenter.Token>? _tokens;
    private int _lastStart = -1;

    /// <summary>Creates a tokenizer reading <paramref name="input"/> with the shared, already loaded segmenter.</summary>
    public JiebaTokenizer(TextReader input, JiebaSegmenter segmenter) : base(input)
    {
        _segmenter = segmenter;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_tokens!.MoveNext())
        {
            var token = _tokens.Current;
            if (string.IsNullOrWhiteSpace(token.Word)) continue;
            _term.SetEmpty().Append(token.Word);
            _offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            // Sub-words of a longer word share its position, so phrase-like proximity stays meaningful.
            _position.PositionIncrement = token.StartIndex == _lastStart ? 0 : 1;
            _lastStart = token.StartIndex;
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _tokens = _segmenter.Tokenize(text, TokenizerMode.Search, hmm: true).GetEnumerator();
        _lastStart = -1;
    }
}
