using System.Numerics;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// A set of the lexicon's objects as a 256-bit mask (<see cref="Capacity"/> objects): what a text names, what an entry is
/// about, the objects of one family. A value type compared and combined bit by bit, without allocating.
/// </summary>
public readonly record struct ObjectSet(UInt128 Low, UInt128 High)
{
    /// <summary>How many objects a lexicon may hold.</summary>
    public const int Capacity = 256;

    /// <summary>No object.</summary>
    public static ObjectSet Empty => default;

    /// <summary>The set holding object <paramref name="id"/> alone (0 ≤ id &lt; <see cref="Capacity"/>).</summary>
    public static ObjectSet Of(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Capacity);
        return id < 128 ? new(UInt128.One << id, 0) : new(0, UInt128.One << (id - 128));
    }

    /// <summary>True when no object is in the set.</summary>
    public bool IsEmpty => Low == 0 && High == 0;

    /// <summary>How many objects are in the set.</summary>
    public int Count => (int)(UInt128.PopCount(Low) + UInt128.PopCount(High));

    /// <summary>True when object <paramref name="id"/> is in the set.</summary>
    public bool Contains(int id) => !(this & Of(id)).IsEmpty;

    public static ObjectSet operator &(ObjectSet a, ObjectSet b) => new(a.Low & b.Low, a.High & b.High);

    public static ObjectSet operator |(ObjectSet a, ObjectSet b) => new(a.Low | b.Low, a.High | b.High);

    public static ObjectSet operator ~(ObjectSet a) => new(~a.Low, ~a.High);
}
