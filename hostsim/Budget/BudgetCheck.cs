using System.Collections.Generic;

namespace NanoRelay.HostSim.Budget
{
    /// <summary>Whether a configuration fits a board: one warning line per problem, empty when it fits with room to spare.</summary>
    public static class BudgetCheck
    {
        /// <summary>Below this share of the heap left free, a plan that fits still gets a warning.</summary>
        public const double HeadroomShare = 0.2;

        public static IReadOnlyList<string> Warnings(BoardBudget board, BudgetPlan plan)
        {
            List<string> warnings = new List<string>();
            long need = plan.RequiredBytes;
            string sums = plan.Breakdown + " = " + ByteSize.Format(need) + (plan.Costs.Measured ? string.Empty : " (estimated)");
            if (need > board.HeapBytes)
            {
                warnings.Add("does not fit " + board.Name + ": " + sums + " > heap " + ByteSize.Format(board.HeapBytes));
            }
            else if (need > board.HeapBytes * (1 - HeadroomShare))
            {
                warnings.Add("tight on " + board.Name + ": " + sums + " leaves less than " + (int)(HeadroomShare * 100) + "% of the " + ByteSize.Format(board.HeapBytes) + " heap");
            }

            if (plan.SpoolBytes > board.SpoolBytes)
            {
                warnings.Add("spool.maxBytes " + ByteSize.Format(plan.SpoolBytes) + " is more than " + board.Name + " has for the spool (" + ByteSize.Format(board.SpoolBytes) + "): the board will refuse mail at " + ByteSize.Format(board.SpoolBytes));
            }

            if (plan.TlsUsers.Count > board.TlsConcurrency)
            {
                warnings.Add("TLS is used by " + string.Join(", ", plan.TlsUsers) + " but " + board.Name + " runs " + board.TlsConcurrency + " TLS session" + (board.TlsConcurrency == 1 ? string.Empty : "s") + " at a time: they will take turns");
            }

            return warnings;
        }

        /// <summary>A live figure against the budget: over it, a line saying so; else null.</summary>
        public static string CheckMeasured(BoardBudget board, long heldBytes)
        {
            return heldBytes > board.HeapBytes
                ? "the relay holds " + ByteSize.Format(heldBytes) + " of managed memory, more than " + board.Name + "'s heap of " + ByteSize.Format(board.HeapBytes)
                : null;
        }
    }
}
