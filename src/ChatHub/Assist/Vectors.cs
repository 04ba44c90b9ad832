using System.Buffers.Binary;

namespace GovAssistant.ChatHub.Assist;

/// <summary>Vector arithmetic for the embedding re-rank: validation, unit length, cosine similarity, storage bytes.</summary>
public static class Vectors
{
    /// <summary>
    /// The vectors scaled to unit length, or null when they cannot be trusted: not <paramref name="expected"/> of them,
    /// differing or zero dimensions, a NaN or infinity, or a zero vector.
    /// </summary>
    public static IReadOnlyList<float[]>? Usable(IReadOnlyList<float[]> vectors, int expected)
    {
        if (vectors.Count != expected || expected == 0) return null;
        var dimensions = vectors[0].Length;
        var unit = new List<float[]>(vectors.Count);
        foreach (var v in vectors)
        {
            if (v.Length != dimensions || dimensions == 0 || v.Any(x => !float.IsFinite(x))) return null;
            var length = Math.Sqrt(v.Sum(x => (double)x * x));
            if (length == 0 || !double.IsFinite(length)) return null;
            unit.Add(v.Select(x => (float)(x / length)).ToArray());
        }
        return unit;
    }

    /// <summary>Cosine similarity of two unit vectors; 0 when their dimensions differ (another model's vector).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length) return 0;
        double dot = 0;
        for (var i = 0; i < a.Length; i++) dot += a[i] * b[i];
        return dot;
    }

    /// <summary>The vector as little-endian float32 bytes (a BLOB in SQLite, bytea in PostgreSQL).</summary>
    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    /// <summary>The vector back from <see cref="ToBytes"/>.</summary>
    public static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return vector;
    }
}
