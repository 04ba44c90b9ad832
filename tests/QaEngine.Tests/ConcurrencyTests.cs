using System.Collections.Concurrent;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>Questions keep being answered, correctly, while publishes swap the bank underneath.</summary>
public class ConcurrencyTests
{
    // In both snapshots, unchanged: must be answered every single time.
    private static readonly (string Question, string Id)[] Stable =
    [
        ("身份证丢了怎么补办", "SF-001"),
        ("居住证丢了怎么补领", "JZ-005"),
        ("租房可以提取公积金吗", "GJ-002"),
        ("电子身份证怎么申领", "SF-011"),
    ];

    // Only in snapshot A (JZ-001) or changed between the two (GJ-001's answer): any decision is fine, no exception.
    private static readonly string[] Changing = ["居住证怎么申领", "买房了怎么提取住房公积金", "护照", "人工", "", "AND (*"];

    [Fact]
    public async Task EightAskersAndAPublisherRunTogetherWithoutErrorsOrWrongAnswers()
    {
        using var engine = new AnswerEngine(new QaEngineOptions());
        var a = SeedBank.Snapshot(SeedBank.Small, revision: 1);
        var b = SeedBank.Snapshot(
            SeedBank.Small.Where(e => e.Id != "JZ-001").Select(e => e.Id == "GJ-001" ? e with { Answer = e.Answer + "（已更新）" } : e),
            revision: 2);
        engine.Publish(a);

        var failures = new ConcurrentQueue<string>();
        var asks = 0L;
        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 8).Select(n => Task.Run(() =>
        {
            var context = new ConversationContext();
            var i = n;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var (question, id) = Stable[i % Stable.Length];
                    var result = engine.Ask(question, context);
                    if (result.Decision != AnswerDecision.Answered || result.Entry?.Id != id)
                        failures.Enqueue($"{question} → {result.Decision} {result.Entry?.Id} ({result.Confidence:F3})");
                    var other = engine.Ask(Changing[i % Changing.Length]);
                    if (!Enum.IsDefined(other.Decision)) failures.Enqueue($"undefined decision {other.Decision}");
                    engine.Suggest(question, 3);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.ToString());
                }
                Interlocked.Add(ref asks, 2);
                i++;
            }
        })).ToArray();

        await Task.Run(async () =>
        {
            for (var p = 0; p < 20; p++)
            {
                engine.Publish((p % 2 == 0 ? b : a) with { Revision = p + 2 });
                await Task.Delay(20);
            }
        });
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.Empty(failures);
        Assert.True(Interlocked.Read(ref asks) > 100, $"only {asks} asks ran alongside the publishes");
        Assert.Equal(21, engine.Revision);
    }
}
