using System.Diagnostics;

namespace GovAssistant.ChatLoad;

/// <summary>
/// Open-loop pacing: questions fall due at <c>rate</c> per second whatever the server does, each going to the next
/// connection (round robin) that has no unanswered question. A due question that finds every connection waiting is
/// counted as not sent: that is the server falling behind, not the tool.
/// </summary>
internal static class Scheduler
{
    public static async Task<(long Scheduled, long NotSent, TimeSpan Elapsed)> RunAsync(
        IReadOnlyList<VisitorSession> sessions, double rate, TimeSpan duration, LoadStats stats)
    {
        long scheduled = 0, notSent = 0;
        var cursor = 0;
        var watch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        while (watch.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            var due = (long)(watch.Elapsed.TotalSeconds * rate) - scheduled;
            for (; due > 0; due--)
            {
                scheduled++;
                var sent = false;
                for (var tried = 0; tried < sessions.Count && !sent; tried++)
                    sent = sessions[cursor++ % sessions.Count].TryAsk();
                if (!sent) notSent++;
            }
        }
        return (scheduled, notSent, watch.Elapsed);
    }
}
