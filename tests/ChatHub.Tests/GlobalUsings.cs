global using GovAssistant.ChatHub.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
