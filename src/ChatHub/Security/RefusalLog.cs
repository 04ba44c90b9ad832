namespace GovAssistant.ChatHub.Security;

/// <summary>
/// Logs refused calls (no access, illegal transition, invalid input) in one line at information level, at most
/// <see cref="PerMinute"/> a minute, then a count of those left out: refusals are the caller's doing, and any visitor
/// can make them in a loop, so they must neither fill the log nor look like server faults.
/// </summary>
public sealed class RefusalLog(ILogger<RefusalLog> logger, TimeProvider time)
{
    /// <summary>Refusals written per minute; the rest are only counted.</summary>
    public const int PerMinute = 10;

    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _written;
    private int _skipped;

    /// <summary>Records that <paramref name="what"/> was refused with <paramref name="reason"/> (no stack trace).</summary>
    public void Refused(string what, string reason)
    {
        int skippedBefore;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            skippedBefore = 0;
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                skippedBefore = _skipped;
                (_windowStart, _written, _skipped) = (now, 0, 0);
            }
            if (_written >= PerMinute)
            {
                _skipped++;
                return;
            }
            _written++;
        }
        if (skippedBefore > 0) logger.LogInformation("{Count} refused calls were not logged in the previous minute", skippedBefore);
        logger.LogInformation("Refused {What}: {Reason}", what, reason);
    }
}
