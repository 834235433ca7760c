namespace NanoRelay.Tests.NanoCheck
{
    /// <summary>One construct the stable nanoFramework runtime cannot run: the rule and where it was found.</summary>
    public sealed record NanoFinding(string Rule, string Where)
    {
        public const string GenericDefinition = "generic definition";
        public const string GenericInstantiation = "generic instantiation";
        public const string AsyncStateMachine = "async state machine";
        public const string Pointer = "pointer type";
        public const string DefaultInterfaceMethod = "default interface method";

        public override string ToString() => Rule + ": " + Where;
    }
}
