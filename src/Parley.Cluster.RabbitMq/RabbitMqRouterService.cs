using Microsoft.Extensions.Hosting;
using Parley.Core.Presence;
using RabbitMQ.Client.Exceptions;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// Starts the node's <see cref="RabbitMqEventRouter"/> with the host (before the listeners open)
/// and stops it last, draining what is queued for the other nodes (at most 5 s).
/// </summary>
/// <param name="router">The node's router.</param>
/// <param name="options">Its settings, for the error line.</param>
/// <param name="hub">The node's hub, whose replica of the other nodes the router keeps (<see cref="RabbitMqEventRouter.Attach"/>).</param>
public sealed class RabbitMqRouterService(RabbitMqEventRouter router, RabbitMqRouterOptions options, ChatHub hub) : IHostedService
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">The broker cannot be reached: one line naming the setting.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(router);
        router.Attach(hub);
        try
        {
            await router.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BrokerUnreachableException e)
        {
            throw new ArgumentException($"{RabbitMqRouterOptions.UriKey} is '{options.RedactedUri}': the broker cannot be reached ({e.InnerException?.Message ?? e.Message})", e);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await router.DisposeAsync().ConfigureAwait(false);
}
