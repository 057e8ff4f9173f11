using Parley.Storage.Contract;

namespace Parley.Core.Tests.StoreContract;

public sealed class InMemoryReadMarkerStoreContractTests : ReadMarkerStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => InMemoryStores.CreateAsync();
}
