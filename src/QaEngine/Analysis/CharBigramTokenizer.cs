using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GovAssistant.QaEngine.Analysis;

/// <summary>
/// Emits overlapping character bigrams of each run of Chinese characters (a one-character run is emitted
/// as itself) and each run of letters/digits as one token. It needs no dictionary, so it still matches
/// words jieba does not know and questions with a wrong character.
/// </summary>
public sealed class CharBigramTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string _text = string.Empty;
    private int _pos;

    /// <summary>Creates a tokenizer reading already normalised text from <paramref name="input"/>.</summary>
    public CharBigramTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (IsHan(c))
            {
                var bigram = _pos + 1 < _text.Length && IsHan(_text[_pos + 1]);
                var alone = !bigram && (_pos == 0 || !IsHan(_text[_pos - 1]));
                var start = _pos++;
                if (bigram) return Emit(start, 2);
                if (alone) return Emit(start, 1);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                var start = _pos;
                while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.') && !IsHan(_text[_pos])) _pos++;
                return Emit(start, _pos - start);
            }
            _pos++;
        }
        return false;
    }

    private bool Emit(int start, int length)
    {
        _term.CopyBuffer(_text.ToCharArray(start, length), 0, length);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
        return true;
    }

    /// <summary>True for CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _pos = 0;
    }
}
