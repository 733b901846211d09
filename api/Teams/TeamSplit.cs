using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>What one person of a team was paid by a team contract's close: its gross, the fee it bore, its own withholding.</summary>
public sealed record TeamShare(string UserId, bool IsDirector, long Gross, long PlatformFee, long WithholdingTax)
{
    public long Net => Gross - PlatformFee - WithholdingTax;
}

/// <summary>
/// How a team contract's release is divided (issue 23; docs/teams.md, "Money"). What the close pays the worker side
/// (the paid split: the whole amount on acceptance or its lapse, the worker's share on a cancellation or a
/// decision) is split over the people of the team, each its own payee:
/// <list type="bullet">
/// <item>Each member with approved tasks gets their amounts in full — when the pool covers them — as its gross. The pool is
/// what the close pays the worker side net of the platform fee and the tax withheld; creating tasks keeps the tasks within
/// the whole contract's pool, so acceptance always pays them in full. A smaller share (a cancellation, a decision) pays
/// each approved task pro rata: pool × task ÷ approved total, rounded down per task, the yen left over to the director.</item>
/// <item>Each member's own withholding is the tax on its own gross (Withholding.Tax) when the business must withhold for
/// this work (a withholding agent, a named kind: <c>team_members_withheld</c>) and the member is an individual: each person
/// is the business's own payee (Income Tax Act art. 204 §1), whether or not the director is withheld on.</item>
/// <item>The director gets the rest: the paid amount less the members' gross. The fee is the contract's and is taken
/// from the director's share, as is the rest of the tax withheld (the contract's withholding less the members'), so the
/// tax office receives exactly what the business withheld. A task never approved is paid to no one: its amount stays in
/// the director's share.</item>
/// </list>
/// Where the contract withholds (an individual director), the shares' nets add up to the paid split's worker net. Where it
/// does not (a company director) but members are withheld on, the escrow held their tax too (the business paid the whole
/// amount in): the nets add up to the worker net less the members' tax, which goes back to the business to remit
/// (<see cref="Money.Escrow"/>), so the ledger balances either way. The director's net is never below zero (its gross
/// covers the fee and all the tax, since the pool excludes both and Withholding.Tax is superadditive).
/// </summary>
public static class TeamSplit
{
    public sealed record ApprovedTask(string MemberId, long Amount, bool MemberIsIndividual);

    /// <summary>A team whose members are withheld on exactly when the contract is (an individual director, or no withholding).</summary>
    public static IReadOnlyList<TeamShare> Divide(Split paid, bool withholds, string directorId, IReadOnlyList<ApprovedTask> approved) =>
        Divide(paid, withholds, withholds, directorId, approved);

    /// <summary>
    /// <paramref name="withholds"/>: the contract withholds on the director's pay (the contract's own tax, of which the
    /// director bears what the members' leave); <paramref name="membersWithheld"/>: individual members are withheld on.
    /// </summary>
    public static IReadOnlyList<TeamShare> Divide(Split paid, bool withholds, bool membersWithheld, string directorId, IReadOnlyList<ApprovedTask> approved)
    {
        // A task the director gave itself is its own share anyway.
        var tasks = approved.Where(t => t.MemberId != directorId).ToList();
        var total = tasks.Sum(t => t.Amount);
        var pool = Math.Min(total, paid.WorkerNet);
        long GrossOf(ApprovedTask t) => pool == total ? t.Amount : (long)((Int128)pool * t.Amount / total);
        var members = tasks.GroupBy(t => t.MemberId, StringComparer.Ordinal)
            .Select(g =>
            {
                var gross = g.Sum(GrossOf);
                var individual = g.First().MemberIsIndividual;
                return new TeamShare(g.Key, false, gross, 0, membersWithheld && individual ? Withholding.Tax(gross) : 0);
            })
            .Where(s => s.Gross > 0)
            .ToList();
        // Where the contract does not withhold, the director is not withheld on and the members' tax is beyond the contract's.
        var director = new TeamShare(directorId, true, paid.Amount - members.Sum(m => m.Gross), paid.PlatformFee,
            withholds ? paid.WithholdingTax - members.Sum(m => m.WithholdingTax) : 0);
        if (director.Net < 0 || director.WithholdingTax < 0)
            throw new InvalidOperationException($"A team split left the director below zero ({director.Net} yen net, {director.WithholdingTax} yen tax).");
        return [director, .. members.OrderBy(m => m.UserId, StringComparer.Ordinal)];
    }

    private sealed class TaskRow
    {
        public string MemberId { get; init; } = "";
        public long Amount { get; init; }
        public bool MemberIsIndividual { get; init; }
    }

    /// <summary>Divides what the close paid over the team (approved tasks as they stand now) and records each share once.</summary>
    public static async Task<IReadOnlyList<TeamShare>> RecordAsync(DbSession db, ContractMoney money, Split paid, DateTimeOffset now)
    {
        var tasks = await db.QueryAsync<TaskRow>(
            """
            SELECT k.assignee_id AS member_id, k.amount, u.is_individual AS member_is_individual
            FROM tasks k JOIN users u ON u.id = k.assignee_id
            WHERE k.contract_id = @Id AND k.status = 'approved'
            """, new { money.Id });
        var shares = Divide(paid, money.Withholds, money.TeamMembersWithheld, money.WorkerId, tasks.Select(t => new ApprovedTask(t.MemberId, t.Amount, t.MemberIsIndividual)).ToList());
        await db.ExecuteAsync(
            """
            INSERT INTO team_shares (contract_id, user_id, is_director, gross, platform_fee, withholding_tax, net, created_at)
            VALUES (@ContractId, @UserId, @IsDirector, @Gross, @PlatformFee, @WithholdingTax, @Net, @Now)
            """,
            shares.Select(s => new { ContractId = money.Id, s.UserId, s.IsDirector, s.Gross, s.PlatformFee, s.WithholdingTax, s.Net, Now = now }));
        return shares;
    }

    /// <summary>The shares a close recorded (empty for a contract of one worker, or before its close).</summary>
    public static async Task<IReadOnlyList<TeamShare>> OfAsync(DbSession db, string contractId) =>
        (await db.QueryAsync<ShareRow>(SharesSql, new { Id = contractId }))
            .Select(r => new TeamShare(r.UserId, r.IsDirector, r.Gross, r.PlatformFee, r.WithholdingTax)).ToList();

    private sealed class ShareRow
    {
        public string UserId { get; init; } = "";
        public bool IsDirector { get; init; }
        public long Gross { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
    }

    /// <summary>A contract's shares on the primary key (contract_id, user_id).</summary>
    internal const string SharesSql = """
        SELECT s.user_id, s.is_director, s.gross, s.platform_fee, s.withholding_tax FROM team_shares s
        WHERE s.contract_id = @Id ORDER BY s.user_id
        """;
}
