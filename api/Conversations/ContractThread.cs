using Marketplace.Contracts;
using Marketplace.Platform;

namespace Marketplace.Conversations;

/// <summary>A contract's message thread: who takes part in it.</summary>
internal static class ContractThread
{
    /// <summary>
    /// The contract's business, its worker, and the producer of the job (while it acts for the business: ForPartyAsync
    /// found it a party). Anyone else, other producers of the business included, is told the contract does not exist.
    /// </summary>
    public static async Task<Contract> ForMemberAsync(DbSession db, string contractId, Caller caller)
    {
        var contract = await Contract.ForPartyAsync(db, contractId, caller);
        if (caller.Id != contract.BusinessId && caller.Id != contract.WorkerId && caller.Id != contract.ProducerId)
            throw new NotFoundException("No such contract.");
        return contract;
    }

    /// <summary>The thread's members other than <paramref name="except"/>.</summary>
    public static IEnumerable<string> Others(Contract contract, string except) =>
        new[] { contract.BusinessId, contract.WorkerId, contract.ProducerId }.OfType<string>().Distinct().Where(id => id != except);
}
