using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Welcome;

/// <summary><c>GET /api/welcome</c>: the visitor's first screen (docs/protocol.md). Public, like the visitor page.</summary>
internal static class WelcomeApi
{
    /// <summary>Registers <see cref="WelcomeScreen"/> and its options (section <c>Welcome</c>).</summary>
    public static IHostApplicationBuilder AddWelcome(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WelcomeOptions>().BindConfiguration(WelcomeOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Hotline) && o.Hotline.Length <= 40, "Welcome:Hotline 不能为空（最多 40 个字符）")
            .Validate(o => o.HotQuestionCount is >= 0 and <= 20, "Welcome:HotQuestionCount 应在 0–20 之间")
            .Validate(o => o.CategoryQuestionCount is >= 1 and <= 20, "Welcome:CategoryQuestionCount 应在 1–20 之间")
            .Validate(o => o.HotWindow > TimeSpan.Zero, "Welcome:HotWindow 应大于 0")
            .Validate(o => o.CacheFor >= TimeSpan.Zero, "Welcome:CacheFor 不能为负")
            .ValidateOnStart();
        builder.Services.AddSingleton<WelcomeScreen>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWelcomeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/welcome", async (WelcomeScreen screen, CancellationToken ct) => TypedResults.Ok(await screen.GetAsync(ct)))
            .WithName("Welcome");
        return app;
    }
}
