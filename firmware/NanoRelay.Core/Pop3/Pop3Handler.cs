namespace NanoRelay.Pop3
{
    /// <summary>One command's handler, as a row of a command table refers to it.</summary>
    public delegate Pop3Result Pop3Handler(Pop3ServerSession session, Pop3Arguments arguments);
}
