using System.Numerics;

namespace GovAssistant.QaEngine.Ranking;

/// <summary>
/// One text prepared for the length of its longest common subsequence with many others (the question against every
/// phrasing it is compared with): bit-parallel, one addition and a few bit operations per character of the other
/// text and 64 characters of this one (Hyyrö, "Bit-parallel LCS-length computation revisited", 2004), instead of the
/// dynamic programme's one step per pair of characters. The result is the same length.
/// </summary>
public sealed class SubsequencePattern
{
    private const uint Fibonacci = 2654435769u;

    private readonly int _length;
    private readonly int _words;
    // Open addressing: character → row of _masks; a row of -1 marks an empty slot.
    private readonly char[] _slotChars;
    private readonly int[] _slotRows;
    private readonly int _shift;
    // Row r, word k: bit i set when character i of the text (in word k) is the row's character.
    private readonly ulong[] _masks;

    private SubsequencePattern(string text)
    {
        _length = text.Length;
        _words = (text.Length + 63) / 64;
        var size = 8;
        while (size < text.Length * 2) size *= 2;
        _shift = 32 - BitOperations.Log2((uint)size);
        _slotChars = new char[size];
        _slotRows = new int[size];
        Array.Fill(_slotRows, -1);
        // A row per distinct character (a long message repeats most of its characters), then each position's bit.
        var rows = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var slot = FindSlot(text[i]);
            if (_slotRows[slot] >= 0) continue;
            _slotChars[slot] = text[i];
            _slotRows[slot] = rows++;
        }
        _masks = new ulong[Math.Max(1, rows) * _words];
        for (var i = 0; i < text.Length; i++)
            _masks[_slotRows[FindSlot(text[i])] * _words + i / 64] |= 1UL << (i % 64);
    }

    /// <summary>Prepares <paramref name="text"/>.</summary>
    public static SubsequencePattern Of(string text) => new(text);

    /// <summary>Length of the longest common subsequence of the prepared text and <paramref name="other"/> (ordinal characters).</summary>
    public int LongestCommonSubsequence(string other)
    {
        if (_length == 0 || other.Length == 0) return 0;
        return _words == 1 ? OneWord(other) : ManyWords(other);
    }

    private int OneWord(string other)
    {
        var v = ulong.MaxValue;
        foreach (var c in other)
        {
            var row = RowOf(c);
            if (row < 0) continue;
            var u = v & _masks[row];
            v = (v + u) | (v - u);
        }
        return _length - BitOperations.PopCount(v & LowBits(_length));
    }

    private int ManyWords(string other)
    {
        Span<ulong> v = _words <= 32 ? stackalloc ulong[_words] : new ulong[_words];
        v.Fill(ulong.MaxValue);
        foreach (var c in other)
        {
            var row = RowOf(c);
            if (row < 0) continue;
            var masks = _masks.AsSpan(row * _words, _words);
            var carry = 0UL;
            for (var k = 0; k < v.Length; k++)
            {
                var u = v[k] & masks[k];
                var sum = v[k] + u;
                var carried = sum < u ? 1UL : 0UL;
                sum += carry;
                carry = carried | (sum < carry ? 1UL : 0UL);
                // u's bits are a subset of v's: v - u borrows nothing from the next word.
                v[k] = sum | (v[k] - u);
            }
        }
        var common = 0;
        for (var k = 0; k < v.Length; k++)
        {
            var bits = Math.Min(64, _length - k * 64);
            common += bits - BitOperations.PopCount(v[k] & LowBits(bits));
        }
        return common;
    }

    private static ulong LowBits(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    // The row of c, or -1 when the prepared text does not have it.
    private int RowOf(char c) => _slotRows[FindSlot(c)];

    // The slot holding c, or the empty slot where it belongs.
    private int FindSlot(char c)
    {
        var slot = (int)(c * Fibonacci >> _shift);
        while (_slotRows[slot] >= 0 && _slotChars[slot] != c) slot = (slot + 1) & (_slotRows.Length - 1);
        return slot;
    }
}
