namespace NanoRelay.Pop2
{
    /// <summary>One command's handler: the argument is buffer[offset..offset+count), count -1 when the line has none.</summary>
    public delegate void Pop2Handler(Pop2ServerSession session, byte[] buffer, int offset, int count);
}
