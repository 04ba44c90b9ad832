using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GovAssistant.ChatHub.Tests.Security;

/// <summary>A logger provider that keeps every entry the host writes, to check what reaches the operator's log.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Entries);

    public void Dispose() { }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
