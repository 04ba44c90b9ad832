namespace GovAssistant.ChatHub.Api;

/// <summary>
/// The OpenAPI 3 description of the REST APIs (ask, visitors, staff session, accounts, bank administration, insights),
/// served at <c>/openapi/v1.json</c> so that a city's 12345 platform or portal can generate a client. The SignalR hubs
/// and the channel webhooks speak their own protocols (docs/protocol.md, docs/wechat.md, docs/directline.md).
/// </summary>
internal static class ApiDescription
{
    /// <summary>Where the document is served.</summary>
    public const string Path = "/openapi/{documentName}.json";

    public static IHostApplicationBuilder AddApiDescription(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "GovAssistant 政务服务智能问答 API";
            document.Info.Description = "问答接口（POST /api/ask）、访客令牌、坐席登录与账号管理、问答库管理、服务看板。"
                + "错误均为 application/problem+json，detail 为中文说明。坐席与管理接口使用登录后的 Cookie（govassistant.agent）。";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).AllowAnonymous();
        return app;
    }
}
