namespace NanoRelay.Boards
{
    /// <summary>What a <see cref="JsonNode"/> holds.</summary>
    public enum JsonKind
    {
        Null = 0,
        Boolean = 1,
        Integer = 2,
        String = 3,
        Array = 4,
        Object = 5,
    }
}
