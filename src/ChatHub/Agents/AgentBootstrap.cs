using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// On a start with no staff account at all, creates <c>admin</c> (every role, every department) so someone can sign
/// in and create the others. Its password is <c>GOVASSISTANT_ADMIN_PASSWORD</c>, or a random one printed once to the
/// console; there is never a default password. Does nothing once any account exists.
/// </summary>
internal sealed class AgentBootstrap(AgentAccountStore store, IOptions<AgentAccountOptions> options, ILogger<AgentBootstrap> logger) : IHostedService
{
    public const string AdminId = "admin";

    // No 0/O, 1/l/I: the operator may have to type it from a screen.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken) > 0) return;

        var configured = options.Value.AdminPassword;
        if (!string.IsNullOrEmpty(configured) && AgentAccountRules.CheckPassword(configured, AdminId) is { } weak)
            throw new InvalidOperationException($"{AgentAccountOptions.AdminPasswordVariable} 不符合密码要求：{weak}");
        var password = string.IsNullOrEmpty(configured) ? RandomPassword() : configured;

        var admin = new AgentProfile(AdminId, "管理员", ["*"], [AgentRoles.Admin, AgentRoles.Supervisor, AgentRoles.Agent], AgentAccountRules.DefaultCapacity);
        // Another instance starting on the same database may have won the race; its admin stands.
        if (!await store.CreateAsync(admin, password, options.Value.RequirePasswordChange, cancellationToken)) return;

        logger.LogWarning("No staff account existed: created the first admin account '{Id}'", AdminId);
        if (string.IsNullOrEmpty(configured))
        {
            // The console, not the logger: the password must not travel to log files or collectors.
            Console.WriteLine($"首次启动：已创建管理员账号 {AdminId}，初始密码：{password} （只显示这一次，首次登录时须修改）");
            Console.WriteLine($"First start: created admin account '{AdminId}' with password {password} (shown only once; change it after signing in).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A random password that passes <see cref="AgentAccountRules.CheckPassword"/>, for first and temporary passwords.</summary>
    internal static string RandomPassword()
    {
        // Random text can still trip the weak-password rules (e.g. mostly one letter); draw again rather than relax them.
        string password;
        do password = RandomNumberGenerator.GetString(Alphabet, 16);
        while (AgentAccountRules.CheckPassword(password, AdminId) is not null);
        return password;
    }
}
