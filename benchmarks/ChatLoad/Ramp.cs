using System.Diagnostics;

namespace GovAssistant.ChatLoad;

/// <summary>Opening, draining and closing many <see cref="VisitorSession"/>s.</summary>
internal static class Ramp
{
    public sealed record Result(IReadOnlyList<VisitorSession> Held, int Attempted, int Failed, TimeSpan Elapsed);

    /// <summary>Opens <paramref name="count"/> sessions, <paramref name="batch"/> at a time; keeps the ones that started.</summary>
    public static async Task<Result> OpenAsync(int count, int batch, HttpClient http, Uri url, LoadStats stats, TextWriter log)
    {
        var held = new List<VisitorSession>(count);
        var failed = 0;
        var watch = Stopwatch.StartNew();
        var lastLog = TimeSpan.Zero;
        for (var first = 0; first < count; first += batch)
        {
            var sessions = Enumerable.Range(first, Math.Min(batch, count - first)).Select(i => new VisitorSession(i, stats)).ToList();
            var outcomes = await Task.WhenAll(sessions.Select(async s =>
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    await s.ConnectAsync(http, url, timeout.Token);
                    return true;
                }
                catch (Exception)
                {
                    await s.DisposeAsync();
                    return false; // already counted in stats by the session
                }
            }));
            for (var i = 0; i < sessions.Count; i++)
                if (outcomes[i]) held.Add(sessions[i]);
                else failed++;
            if (watch.Elapsed - lastLog > TimeSpan.FromSeconds(5) || first + batch >= count)
            {
                lastLog = watch.Elapsed;
                log.WriteLine($"   {held.Count} held, {failed} failed after {watch.Elapsed.TotalSeconds:0.0} s");
            }
        }
        return new Result(held, count, failed, watch.Elapsed);
    }

    /// <summary>Waits until no session has an unanswered question, or the timeout; true when all were answered.</summary>
    public static async Task<bool> DrainAsync(IReadOnlyList<VisitorSession> sessions, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (sessions.Any(s => s.IsWaiting && s.IsConnected))
        {
            if (watch.Elapsed > timeout) return false;
            await Task.Delay(50);
        }
        return true;
    }

    public static async Task CloseAsync(IReadOnlyList<VisitorSession> sessions)
    {
        foreach (var chunk in sessions.Chunk(500))
            await Task.WhenAll(chunk.Select(s => s.DisposeAsync().AsTask()));
    }
}
