namespace GovAssistant.ChatHub.Visitors;

/// <summary><c>POST /api/visitors</c>: issues an anonymous visitor token.</summary>
internal static class VisitorsApi
{
    public static IEndpointRouteBuilder MapVisitorsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/visitors", (VisitorTokens tokens) =>
        {
            var (visitorId, token) = tokens.Issue();
            return Results.Ok(new { visitorId, visitorToken = token });
        }).RequireRateLimiting(VisitorsServiceCollectionExtensions.IssueRateLimit);
        return app;
    }
}
